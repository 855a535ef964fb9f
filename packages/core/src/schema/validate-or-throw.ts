import { ConfigError } from '../errors/config-error';
import { describeSchemaIssue } from './describe-schema-issue';
import type { StandardSchemaV1 } from './standard-schema';

/**
 * Validates `value` with any Standard Schema (zod, valibot, ...), or throws a `ConfigError` naming the
 * first bad field as a dotted path under `field` and the file it came from.
 * @example validateOrThrow(poolOptionsSchema, { size: 0 }, 'waitless.config.json', 'strategies.my-pool.options')
 */
export function validateOrThrow<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  source: string,
  field = '',
): StandardSchemaV1.InferOutput<S> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    throw new ConfigError(
      field || '(root)',
      source,
      'has a schema that validates asynchronously; Waitless validates config synchronously. Use a synchronous schema.',
    );
  }
  if (!result.issues) return result.value as StandardSchemaV1.InferOutput<S>;
  const issue = describeSchemaIssue(result.issues);
  const path = [field, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  const advice = issue.unknownField ? 'Fix its spelling, or remove it.' : 'Fix the value, or remove the field to use the default.';
  throw new ConfigError(path, source, `${issue.message}. ${advice}`);
}

import type { z } from 'zod';
import { ConfigError } from '../errors/config-error';

/**
 * Validates `value`, or throws a `ConfigError` naming the first bad field (dotted path) and where it came from.
 * Plugins use it for their own `options`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, source: string, fieldPrefix = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  throw new ConfigError(path, source, `${issue.message.replace(/^Invalid input: /, '')}. Fix the value, or remove the field to use the default.`);
}

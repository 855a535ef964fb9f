import { z } from 'zod';
import { RUN_LIMITS, type RunParams } from '../shared/run-events';

/** The body of `POST /api/runs`. Unknown fields are refused so a typo does not go unnoticed. */
export const runRequestSchema = z
  .object({
    strategy: z.string().min(1),
    count: z.number().int().min(RUN_LIMITS.count.min).max(RUN_LIMITS.count.max).default(20),
    concurrency: z.number().int().min(RUN_LIMITS.concurrency.min).max(RUN_LIMITS.concurrency.max).default(20),
    latencyMs: z.number().min(RUN_LIMITS.latencyMs.min).max(RUN_LIMITS.latencyMs.max).default(100),
    errorRate: z.number().min(RUN_LIMITS.errorRate.min).max(RUN_LIMITS.errorRate.max).default(0),
    mode: z.enum(['sequential', 'gather']).default('gather'),
    target: z.string().min(1).default('fixture'),
  })
  .strict();

/** Why a run request was refused, naming the field. */
export class RunRequestError extends Error {
  override name = 'RunRequestError' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Validates a run request against the schema, the registered strategies and the allowed targets.
 * Throws {@link RunRequestError} with a message that names the field, its value and what is allowed.
 */
export function parseRunRequest(body: unknown, strategies: readonly string[], targets: readonly string[]): RunParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RunRequestError('(body)', 'Invalid request body: expected a JSON object such as {"strategy":"native-async","count":20}.');
  }
  const parsed = runRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)';
    const value = issue.path.length > 0 ? (body as Record<string, unknown>)[String(issue.path[0])] : undefined;
    const got = issue.path.length > 0 ? ` (got ${JSON.stringify(value) ?? 'nothing'})` : '';
    throw new RunRequestError(field, `Invalid "${field}": ${issue.message}${got}.`);
  }
  const params = parsed.data;
  if (!strategies.includes(params.strategy)) {
    throw new RunRequestError(
      'strategy',
      `Invalid "strategy": unknown strategy "${params.strategy}". Registered: ${strategies.join(', ')}.`,
    );
  }
  if (!targets.includes(params.target)) {
    throw new RunRequestError(
      'target',
      `Invalid "target": "${params.target}" is not allowed. Use one of: ${targets.join(', ')} ` +
        '(add base URLs to "allowedBaseUrls" in waitless.config.json).',
    );
  }
  return params;
}

import { z } from 'zod';

const httpMethod = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `retry` settings. Only idempotent methods and retryable failures are retried by default. */
export const retrySettingsSchema = z
  .object({
    attempts: z.number().int().min(1).max(20).default(3),
    baseDelayMs: z.number().min(0).max(60_000).default(100),
    maxDelayMs: z.number().min(0).max(300_000).default(5_000),
    jitter: z.boolean().default(true),
    methods: z.array(httpMethod).default(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']),
    statuses: z.array(z.number().int().min(400).max(599)).default([408, 429, 500, 502, 503, 504]),
    respectRetryAfter: z.boolean().default(true),
  })
  .strict();

/** `timeout` settings: per attempt and for the whole call including retries. */
export const timeoutSettingsSchema = z
  .object({
    perAttemptMs: z.number().positive().optional(),
    totalMs: z.number().positive().optional(),
  })
  .strict();

/** `rateLimit` settings: at most `requests` starts in any sliding `intervalMs` window. */
export const rateLimitSettingsSchema = z
  .object({
    requests: z.number().int().positive(),
    intervalMs: z.number().positive(),
  })
  .strict();

/** `concurrencyLimit` settings: at most `maxInFlight` calls at once through the strategy. */
export const concurrencyLimitSettingsSchema = z.object({ maxInFlight: z.number().int().positive() }).strict();

/** Validated `retry` settings. */
export type RetrySettings = z.output<typeof retrySettingsSchema>;
/** Validated `timeout` settings. */
export type TimeoutSettings = z.output<typeof timeoutSettingsSchema>;
/** Validated `rateLimit` settings. */
export type RateLimitSettings = z.output<typeof rateLimitSettingsSchema>;
/** Validated `concurrencyLimit` settings. */
export type ConcurrencyLimitSettings = z.output<typeof concurrencyLimitSettingsSchema>;

/** The decorator keys `standardDecorators` adds under `strategies.<name>`, as written in config (defaults not yet applied). */
export interface StandardDecoratorSettings {
  retry?: z.input<typeof retrySettingsSchema>;
  timeout?: z.input<typeof timeoutSettingsSchema>;
  rateLimit?: z.input<typeof rateLimitSettingsSchema>;
  concurrencyLimit?: z.input<typeof concurrencyLimitSettingsSchema>;
}

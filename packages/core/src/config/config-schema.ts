import { z } from 'zod';

const httpMethod = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Retry decorator settings. Only idempotent methods and retryable failures are retried by default. */
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

/** Timeout decorator settings: per attempt and for the whole call including retries. */
export const timeoutSettingsSchema = z
  .object({
    perAttemptMs: z.number().positive().optional(),
    totalMs: z.number().positive().optional(),
  })
  .strict();

/** Rate-limit decorator settings: at most `requests` starts in any sliding `intervalMs` window. */
export const rateLimitSettingsSchema = z
  .object({
    requests: z.number().int().positive(),
    intervalMs: z.number().positive(),
  })
  .strict();

/** Concurrency-limit decorator settings: at most `maxInFlight` calls at once through the strategy. */
export const concurrencyLimitSettingsSchema = z.object({ maxInFlight: z.number().int().positive() }).strict();

/** Everything one strategy can be given in config: its own options and the decorators around it. */
export const strategySettingsSchema = z
  .object({
    options: z.record(z.string(), z.unknown()).default({}),
    retry: retrySettingsSchema.optional(),
    timeout: timeoutSettingsSchema.optional(),
    rateLimit: rateLimitSettingsSchema.optional(),
    concurrencyLimit: concurrencyLimitSettingsSchema.optional(),
  })
  .strict();

// Base URLs are stored without trailing slashes, so `${baseUrl}/path` is always one slash.
const baseUrl = z.url().transform((url) => url.replace(/\/+$/, ''));

/** The shape of `waitless.config.json`. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    strategy: z.string().min(1).optional(),
    plugins: z.array(z.string().min(1)).optional(),
    strategies: z.record(z.string(), strategySettingsSchema).default({}),
    baseUrl: baseUrl.optional(),
    allowedBaseUrls: z.array(baseUrl).default([]),
  })
  .strict();

export type WaitlessConfig = z.infer<typeof configSchema>;
export type StrategySettings = z.infer<typeof strategySettingsSchema>;
export type RetrySettings = z.infer<typeof retrySettingsSchema>;
export type TimeoutSettings = z.infer<typeof timeoutSettingsSchema>;
export type RateLimitSettings = z.infer<typeof rateLimitSettingsSchema>;
export type ConcurrencyLimitSettings = z.infer<typeof concurrencyLimitSettingsSchema>;

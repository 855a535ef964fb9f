import { z } from 'zod';

const integerFrom = (min: number, max: number, fallback: number) => {
  const error = `must be an integer from ${min} to ${max} (default ${fallback})`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};

const NAME = /^[A-Za-z0-9_.-]+$/;
const name = (fallback: string) =>
  z
    .string({ error: `must be a name of letters, digits, ".", "_" or "-" (default "${fallback}")` })
    .regex(NAME, { error: `must be a name of letters, digits, ".", "_" or "-" (default "${fallback}")` })
    .default(fallback);

const redisError = 'must be a redis:// or rediss:// URL (e.g. "redis://127.0.0.1:6379") or the absolute path of a unix socket';

/** `strategies.distributed.options` in waitless.config.json: read by callers and by `waitless worker` alike. */
export const distributedOptionsSchema = z
  .object({
    /** Where Redis listens: a `redis://` / `rediss://` URL or the absolute path of a unix socket. */
    redis: z
      .string({ error: redisError })
      .refine((value) => /^rediss?:\/\//.test(value) || value.startsWith('/') || value.startsWith('unix:///'), { error: redisError })
      .default('redis://127.0.0.1:6379'),
    /** The BullMQ queue; callers and workers of one workload share it (one queue per origin to shard). */
    queue: name('waitless'),
    /** Prefix of every Redis key of the queue. */
    prefix: name('waitless'),
    /** The strategy workers run each request on, resolved by name from the worker's own config (with its decorators). */
    strategy: z
      .string({ error: 'must be the name of a registered strategy other than "distributed" (default "undici-pool")' })
      .min(1)
      .refine((value) => value !== 'distributed', { error: 'must name another strategy: a worker cannot forward to "distributed" itself' })
      .default('undici-pool'),
    /** Jobs one worker process runs at once. */
    concurrency: integerFrom(1, 10_000, 100),
    /** A rate limit shared by every worker of the queue: at most `max` jobs start per `durationMs`. */
    rateLimit: z
      .object({ max: integerFrom(1, 1_000_000, 10), durationMs: integerFrom(1, 3_600_000, 1000) })
      .strict()
      .optional(),
    /** How long a worker's lock on a job lasts without renewal; a crashed worker's jobs are retried after it expires. */
    lockDurationMs: integerFrom(100, 3_600_000, 30_000),
    /** How often workers look for jobs whose worker died (stalled jobs). */
    stalledIntervalMs: integerFrom(100, 3_600_000, 30_000),
    /** How many times a stalled job is retried before it fails. */
    maxStalledCount: integerFrom(0, 100, 1),
    /** How long finished jobs (and their results) stay in Redis for callers that missed the event. */
    keepFinishedMs: integerFrom(1000, 7 * 24 * 3_600_000, 3_600_000),
    /** Deadline of a call that sets no `timeoutMs`: past it the caller gets `TimeoutError` and workers drop the job. */
    deadlineMs: integerFrom(1, 24 * 3_600_000, 300_000),
    /** How often a caller checks the real state of jobs it has waited on for longer than this. */
    reconcileIntervalMs: integerFrom(50, 3_600_000, 5000),
    /** How long to wait for Redis when starting before giving up with a clear error. */
    connectTimeoutMs: integerFrom(100, 300_000, 5000),
    /** Back-off for every worker after a 429 without a usable Retry-After header. */
    rateLimitedBackoffMs: integerFrom(1, 3_600_000, 1000),
  })
  .strict();

/** `strategies.distributed.options` with defaults applied. */
export type DistributedOptions = z.output<typeof distributedOptionsSchema>;

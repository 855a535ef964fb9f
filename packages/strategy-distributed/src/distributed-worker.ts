import type { WaitlessRuntime } from '@waitless/core';
import { AbortError, isHttpError, TimeoutError, transferError, validateOrThrow, type FetchStrategy } from '@waitless/core/plugin';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { distributedOptionsSchema, type DistributedOptions } from './distributed-options';
import { cancelChannel, type JobData, type JobEnvelope } from './job-envelope';
import { createRedisClient, probeRedis, redisConnection } from './redis-connection';
import { retryAfterMs } from './retry-after-ms';

/** What a worker reports about each job, for progress output. */
export type WorkerEvent =
  | { type: 'active'; jobId: string }
  | { type: 'done'; jobId: string; outcome: 'ok' | 'error' | 'refused' | 'cancelled' | 'rate-limited'; ms: number }
  | { type: 'error'; error: Error };

/** Counters since the worker started. */
export interface WorkerStats {
  /** Jobs whose request succeeded. */
  ok: number;
  /** Jobs whose request failed (the caller gets the typed error). */
  failed: number;
  /** Jobs picked up after their deadline: dropped without a request. */
  refused: number;
  /** Jobs stopped because their caller aborted or timed out. */
  cancelled: number;
  /** Jobs put back after a 429, for every worker to back off. */
  rateLimited: number;
  /** Jobs running now. */
  active: number;
}

/** Options of {@link startDistributedWorker}; the rest comes from `strategies.distributed.options` in the runtime's config. */
export interface DistributedWorkerOptions {
  /** Jobs this process runs at once; default the config's `concurrency`. */
  concurrency?: number;
  /** Called for every job and every connection error (BullMQ reconnects by itself). */
  onEvent?: (event: WorkerEvent) => void;
}

/** A running worker: see {@link startDistributedWorker}. */
export interface DistributedWorker {
  /** The validated `strategies.distributed.options` it runs with. */
  readonly options: DistributedOptions;
  /** The concurrency it runs with. */
  readonly concurrency: number;
  stats(): WorkerStats;
  /**
   * Stops taking jobs and waits for those in flight to finish. With `force`, leaves them at once: their
   * locks expire and another worker runs them again (at-least-once). Safe to call twice.
   */
  close(force?: boolean): Promise<void>;
}

// How long a cancel for a job this worker has not started yet is remembered.
const CANCEL_MEMORY_MS = 60_000;
// BullMQ honours the pause a 429 sets (`worker.rateLimit`) only in workers that have a limiter, so every worker
// has one; without a configured `rateLimit` it is one that never fills.
const NO_LIMIT = { max: Number.MAX_SAFE_INTEGER, duration: 60_000 };

/**
 * Runs jobs of the queue named in `strategies.distributed.options` on the strategy named there (default
 * `undici-pool`), which the worker gets from `runtime` by name, with the decorators its config gives it
 * (retry, rate limit...). Jobs past their deadline are refused; a caller's cancel (abort, timeout) stops
 * the request; a 429 makes every worker of the queue back off for its Retry-After. Throws
 * `RedisUnavailableError` when Redis does not answer, `ConfigError` / `StrategyNotFoundError` for bad config.
 * @example
 * const runtime = createWaitless({ decorators: standardDecorators });
 * const worker = await startDistributedWorker(runtime, { concurrency: 50 });
 * process.once('SIGTERM', () => void worker.close().then(() => runtime.close()));
 */
export async function startDistributedWorker(
  runtime: WaitlessRuntime,
  workerOptions: DistributedWorkerOptions = {},
): Promise<DistributedWorker> {
  const { config, source } = runtime.config;
  const field = 'strategies.distributed.options';
  const options = validateOrThrow(distributedOptionsSchema, config.strategies['distributed']?.['options'] ?? {}, source, field);
  runtime.describe(options.strategy);
  const inner = await runtime.ready(options.strategy);
  await probeRedis(options.redis, options.connectTimeoutMs);
  const concurrency = workerOptions.concurrency ?? options.concurrency;
  const onEvent = workerOptions.onEvent ?? (() => undefined);
  const stats: WorkerStats = { ok: 0, failed: 0, refused: 0, cancelled: 0, rateLimited: 0, active: 0 };
  const cancelled = new Map<string, number>();

  const context: JobContext = { inner, options, stats, cancelled, onEvent, rateLimit: (ms) => worker.rateLimit(ms) };
  // Three parameters: BullMQ hands a processor that declares `signal` an AbortSignal for `cancelJob`.
  const processor = (job: Job<JobData, JobEnvelope>, _token?: string, signal?: AbortSignal): Promise<JobEnvelope> =>
    runJob(job, signal, context);
  const worker = new Worker<JobData, JobEnvelope>(options.queue, processor, {
    connection: redisConnection(options.redis),
    prefix: options.prefix,
    concurrency,
    limiter: options.rateLimit ? { max: options.rateLimit.max, duration: options.rateLimit.durationMs } : NO_LIMIT,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount,
  });
  worker.on('error', (error) => onEvent({ type: 'error', error }));

  const subscriber = createRedisClient(options.redis);
  subscriber.on('message', (_channel: string, jobId: string) => {
    if (worker.cancelJob(jobId, 'cancelled by its caller')) return;
    // Not running here (yet): remember it in case this worker picks the job up next.
    const nowMs = Date.now();
    for (const [id, expires] of cancelled) {
      if (expires > nowMs) break;
      cancelled.delete(id);
    }
    cancelled.set(jobId, nowMs + CANCEL_MEMORY_MS);
  });
  try {
    await subscriber.subscribe(cancelChannel(options.prefix, options.queue));
    await worker.waitUntilReady();
  } catch (error) {
    await Promise.allSettled([worker.close(true), subscriber.quit()]);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    options,
    concurrency,
    stats: () => ({ ...stats }),
    close: (force = false) => {
      closing ??= (async () => {
        await worker.close(force);
        await quietly(subscriber);
      })();
      return closing;
    },
  };
}

interface JobContext {
  inner: FetchStrategy;
  options: DistributedOptions;
  stats: WorkerStats;
  cancelled: Map<string, number>;
  onEvent: (event: WorkerEvent) => void;
  rateLimit: (ms: number) => Promise<void>;
}

async function runJob(job: Job<JobData, JobEnvelope>, signal: AbortSignal | undefined, context: JobContext): Promise<JobEnvelope> {
  const { inner, options, stats, onEvent } = context;
  const jobId = job.id as string;
  const { request, deadline } = job.data;
  const startedAt = Date.now();
  const done = (outcome: Extract<WorkerEvent, { type: 'done' }>['outcome']): void =>
    onEvent({ type: 'done', jobId, outcome, ms: Date.now() - startedAt });
  const remaining = deadline - startedAt;
  if (context.cancelled.delete(jobId)) {
    stats.cancelled++;
    done('cancelled');
    return failure(new AbortError(request.method, request.url, 'cancelled by its caller'));
  }
  if (remaining <= 0) {
    stats.refused++;
    done('refused');
    return failure(new TimeoutError(deadline - job.timestamp, request.method, request.url, { cause: 'picked up after its deadline' }));
  }
  stats.active++;
  onEvent({ type: 'active', jobId });
  try {
    const result = await inner.fetch(request, { signal, timeoutMs: remaining });
    stats.ok++;
    done('ok');
    return { ok: true, result };
  } catch (error) {
    if (signal?.aborted) {
      stats.cancelled++;
      done('cancelled');
    } else if (isHttpError(error) && error.status === 429) {
      const backoff = retryAfterMs(error.headers['retry-after']) ?? options.rateLimitedBackoffMs;
      if (Date.now() + backoff < deadline) {
        // Every worker of the queue pauses; the job goes back to wait without counting as an attempt.
        await context.rateLimit(backoff);
        stats.rateLimited++;
        done('rate-limited');
        throw Worker.RateLimitError();
      }
    }
    if (!signal?.aborted) {
      stats.failed++;
      done('error');
    }
    return failure(error);
  } finally {
    stats.active--;
  }
}

function failure(error: unknown): JobEnvelope {
  return { ok: false, error: transferError(error) };
}

async function quietly(client: Redis): Promise<void> {
  await client.quit().catch(() => client.disconnect());
}

import {
  abortedCallError,
  allowManyListeners,
  callSignal,
  NetworkError,
  now,
  prepareRequest,
  reviveError,
  throwIfAborted,
  AbortError,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
  type PreparedRequest,
} from '@waitless/core/plugin';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DistributedOptions } from './distributed-options';
import { idempotencyJobId } from './idempotency-job-id';
import { cancelChannel, toJobRequest, type JobData, type JobEnvelope } from './job-envelope';
import { createRedisClient, probeRedis, redisConnection } from './redis-connection';

/** One call waiting for its job. */
interface PendingCall {
  prepared: PreparedRequest;
  queuedAt: number;
  resolve(result: FetchResult): void;
  reject(error: unknown): void;
}

/** The calls waiting for one job (several when they share an idempotency key), and when its state was last looked at. */
interface PendingJob {
  calls: Set<PendingCall>;
  checkedAt: number;
}

// Jobs whose state one reconciliation round reads at most; the rest wait for the next round, oldest first.
const RECONCILE_BATCH = 200;

/**
 * The caller's side of `distributed`: each call becomes a BullMQ job that a `waitless worker` runs on its
 * configured strategy. Results come back through one `QueueEvents` listener feeding a map of pending
 * jobs; a periodic reconciliation reads the real state of jobs waited on for long, so every call settles
 * even when an event was trimmed or lost. Abort and timeout reject at once and stop the job: a waiting
 * job is removed, an active one is cancelled on its worker through a pub/sub channel.
 * @example const strategy = await DistributedStrategy.connect(distributedOptionsSchema.parse({ redis: '/tmp/redis.sock' }));
 */
export class DistributedStrategy implements FetchStrategy {
  readonly name = 'distributed';
  private readonly pending = new Map<string, PendingJob>();
  private readonly reconcileTimer: NodeJS.Timeout;
  private reconciling = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly options: DistributedOptions,
    private readonly queue: Queue<JobData, JobEnvelope, string>,
    private readonly events: QueueEvents,
    private readonly publisher: Redis,
  ) {
    events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, returnvalue as unknown as JobEnvelope));
    events.on('failed', ({ jobId, failedReason }) => this.fail(jobId, `the job failed in the queue: ${failedReason}`));
    this.reconcileTimer = setInterval(() => void this.reconcile(), options.reconcileIntervalMs);
    this.reconcileTimer.unref();
  }

  /** Checks that Redis answers (`RedisUnavailableError` otherwise), then opens the queue and its events listener. */
  static async connect(options: DistributedOptions): Promise<DistributedStrategy> {
    await probeRedis(options.redis, options.connectTimeoutMs);
    const connection = redisConnection(options.redis);
    const keepFor = { age: Math.ceil(options.keepFinishedMs / 1000) };
    const queue = new Queue<JobData, JobEnvelope, string>(options.queue, {
      connection,
      prefix: options.prefix,
      defaultJobOptions: { attempts: 1, removeOnComplete: keepFor, removeOnFail: keepFor },
    });
    const events = new QueueEvents(options.queue, { connection, prefix: options.prefix });
    const publisher = createRedisClient(options.redis);
    // BullMQ reconnects by itself; these only keep a dropped connection from crashing the process.
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new DistributedStrategy(options, queue, events, publisher);
  }

  // async: a call aborted before it starts rejects like any other failure instead of throwing.
  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const queuedAt = now();
    const prepared = prepareRequest(request, options);
    throwIfAborted(prepared);
    if (this.closing) throw new AbortError(prepared.method, prepared.url, 'the distributed strategy is closed');
    // Every call has a deadline, so a job whose caller went away is never run, or stopped, once it passes.
    prepared.timeoutMs ??= this.options.deadlineMs;
    if (prepared.signal) allowManyListeners(prepared.signal);
    const call = callSignal(prepared);
    const data: JobData = { request: toJobRequest(prepared), deadline: Date.now() + prepared.timeoutMs };
    return new Promise<FetchResult<TBody>>((resolve, reject) => {
      let jobId: string | undefined;
      let settled = false;
      const pendingCall: PendingCall = {
        prepared,
        queuedAt,
        resolve: (result) => finish() && resolve(result as FetchResult<TBody>),
        reject: (error) => finish() && reject(error),
      };
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        call.signal?.removeEventListener('abort', onAbort);
        call.dispose();
        if (jobId !== undefined) this.forget(jobId, pendingCall);
        return true;
      };
      const onAbort = (): void => {
        pendingCall.reject(abortedCallError(prepared, call.signal));
        if (jobId !== undefined) void this.stop(jobId);
      };
      call.signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.add(prepared.method, data, { jobId: idempotencyJobId(prepared.headers) }).then(
        (job) => {
          jobId = job.id as string;
          if (settled) return void this.stop(jobId);
          const entry = this.pending.get(jobId) ?? { calls: new Set<PendingCall>(), checkedAt: Date.now() };
          entry.calls.add(pendingCall);
          this.pending.set(jobId, entry);
        },
        (error: unknown) =>
          pendingCall.reject(
            new NetworkError(prepared.method, prepared.url, `could not queue the request in Redis: ${(error as Error).message}`, {
              cause: error,
            }),
          ),
      );
    });
  }

  /** Calls still waiting for a worker's answer, for diagnostics and tests. */
  pendingCount(): number {
    let count = 0;
    for (const entry of this.pending.values()) count += entry.calls.size;
    return count;
  }

  /** Rejects calls still waiting with `AbortError` and closes the Redis connections. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.reconcileTimer);
      for (const jobId of [...this.pending.keys()]) this.fail(jobId, 'the distributed strategy was closed', true);
      await Promise.allSettled([this.events.close(), this.queue.close(), this.publisher.quit()]);
    })();
    return this.closing;
  }

  private settle(jobId: string, envelope: JobEnvelope): void {
    const entry = this.pending.get(jobId);
    if (!entry) return; // another caller's job, or one this caller stopped waiting for
    if (typeof envelope?.ok !== 'boolean') return this.fail(jobId, `the job (${jobId}) finished without a result`);
    for (const call of [...entry.calls]) {
      if (envelope.ok) call.resolve(withCallerTimings(envelope.result, call.queuedAt));
      else call.reject(reviveError(envelope.error));
    }
  }

  private fail(jobId: string, reason: string, aborted = false): void {
    const entry = this.pending.get(jobId);
    if (!entry) return;
    for (const call of [...entry.calls]) {
      const { method, url } = call.prepared;
      call.reject(aborted ? new AbortError(method, url, reason) : new NetworkError(method, url, reason));
    }
  }

  private forget(jobId: string, call: PendingCall): void {
    const entry = this.pending.get(jobId);
    if (!entry) return;
    entry.calls.delete(call);
    if (entry.calls.size === 0) this.pending.delete(jobId);
  }

  /** Stops a job nobody waits for any more: removed while it waits, cancelled on its worker while it runs. */
  private async stop(jobId: string): Promise<void> {
    if (this.pending.has(jobId)) return; // another call with the same idempotency key still wants it
    const removed = await this.queue.remove(jobId).catch(() => 0);
    if (removed === 1) return;
    await this.publisher.publish(cancelChannel(this.options.prefix, this.options.queue), jobId).catch(() => undefined);
  }

  /**
   * Reads the real state of jobs waited on for longer than the reconcile interval: a result whose event
   * was trimmed from the events stream (or sent while Redis restarted) is taken from the job, and a job
   * Redis no longer has fails its calls with `NetworkError` instead of leaving them waiting.
   */
  private async reconcile(): Promise<void> {
    if (this.reconciling || this.closing) return;
    this.reconciling = true;
    try {
      const due = Date.now() - this.options.reconcileIntervalMs;
      const batch: string[] = [];
      for (const [jobId, entry] of this.pending) {
        if (batch.length === RECONCILE_BATCH) break;
        if (entry.checkedAt <= due) batch.push(jobId);
      }
      await Promise.all(batch.map((jobId) => this.reconcileJob(jobId)));
    } finally {
      this.reconciling = false;
    }
  }

  private async reconcileJob(jobId: string): Promise<void> {
    // The state first: a job read before its state could be one that completed in between, without its result.
    const state = await this.queue.getJobState(jobId).catch(() => undefined);
    if (state === undefined) return; // Redis unreachable right now: try again next round
    const entry = this.pending.get(jobId);
    if (!entry) return;
    // Checked last from now on, so a round reads the jobs not checked for longest.
    this.pending.delete(jobId);
    this.pending.set(jobId, { ...entry, checkedAt: Date.now() });
    if (state === 'unknown') return this.fail(jobId, `the job (${jobId}) is no longer in Redis: it was lost or removed before it finished`);
    if (state !== 'completed' && state !== 'failed') return;
    const job = await this.queue.getJob(jobId).catch(() => undefined);
    if (!job) return;
    if (state === 'completed') this.settle(jobId, job.returnvalue);
    else this.fail(jobId, `the job failed in the queue: ${job.failedReason}`);
  }
}

/** The worker's result with the caller's clock: time spent queued counts as waiting. */
function withCallerTimings(result: FetchResult, queuedAt: number): FetchResult {
  const { timings } = result;
  const waitedInQueue = Math.max(0, timings.queuedAt - queuedAt);
  return {
    ...result,
    timings: { ...timings, queuedAt: Math.min(queuedAt, timings.startedAt), waitedMs: timings.waitedMs + waitedInQueue },
  };
}

import path from 'node:path';
import {
  abortedCallError,
  isTimeoutError,
  linkSignal,
  now,
  prepareRequest,
  validateOrThrow,
  throwIfAborted,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
} from '@waitless/core/plugin';
import { startSharedRequestHelper, stopRequestsOfThread, type requestSync } from '@waitless/blocking-http';
import { ThreadPool, toThread, type ThreadFunction } from '@waitless/to-thread';
import { workerThreadedOptionsSchema, type WorkerThreadedOptions } from './worker-threaded-options';

// The package folder: the worker loads it through its package.json "main", built JavaScript. Not
// require.resolve('@waitless/blocking-http'): under jest, whose moduleNameMapper sends @waitless/* names to
// TypeScript sources, that names a .ts file, and a worker thread runs without a TypeScript loader.
const BLOCKING_HTTP_DIR = path.dirname(require.resolve('@waitless/blocking-http/package.json'));

/**
 * `worker-threaded`: each request runs the blocking `requestSync` from `@waitless/blocking-http`
 * (the very function `blocking-sync` uses) on a worker-thread pool via `toThread`, so blocking calls
 * overlap and the event loop stays free. Aborting a call terminates the worker running it, except when the
 * abort is a deadline the worker enforces itself (a `TimeoutError` for a call with `timeoutMs`): the call
 * rejects at once and the worker, which stops on the same deadline, stays warm for the next call.
 * `timeoutMs` is enforced inside the worker from when the request starts; time spent waiting for a
 * free thread does not count. `start()` starts every thread up front (the plugin does it before the
 * strategy is handed out), so thread start-up does not count against the first calls' deadlines either.
 */
export class WorkerThreadedStrategy implements FetchStrategy {
  readonly name = 'worker-threaded';
  private readonly pool: ThreadPool;
  private readonly request: ThreadFunction<typeof requestSync>;

  constructor(options: WorkerThreadedOptions = {}) {
    const { poolSize, idleTimeoutMs } = validateOrThrow(workerThreadedOptionsSchema, options, 'WorkerThreadedStrategy options');
    // Before the pool, so its threads inherit it: one helper for all of them rather than one each, which
    // halves the threads a cold start creates. It starts now, alongside the first pool threads.
    startSharedRequestHelper();
    // A thread terminated mid-call (an abort) leaves its request on the shared helper: stop it there too.
    this.pool = new ThreadPool({ size: poolSize, idleTimeoutMs, onThreadExit: stopRequestsOfThread });
    this.request = toThread<typeof requestSync>(BLOCKING_HTTP_DIR, 'requestSync', { pool: this.pool });
  }

  /** Starts all `poolSize` threads with `requestSync` loaded, and resolves once they are ready. */
  start(): Promise<void> {
    return this.request.warmUp();
  }

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const queuedAt = now();
    const prepared = prepareRequest(request, options);
    throwIfAborted(prepared);
    // An AbortSignal cannot be cloned to a worker; it stays here. The pool gets a per-call signal of its
    // own, aborted only when the worker has to be stopped. The timeout travels with the request.
    const { signal, ...plain } = prepared;
    const caller = linkSignal(signal);
    const stop = new AbortController();
    let abandon: (error: unknown) => void = () => undefined;
    const abandoned = new Promise<never>((_, reject) => (abandon = reject));
    const onAbort = (): void => {
      const reason: unknown = caller.controller.signal.reason;
      if (isTimeoutError(reason) && plain.timeoutMs !== undefined) abandon(reason);
      else stop.abort(reason);
    };
    caller.controller.signal.addEventListener('abort', onAbort, { once: true });
    const running = this.request.withSignal(stop.signal)(plain);
    // Whichever loses the race is observed here, so it is never reported as unhandled.
    running.catch(() => undefined);
    abandoned.catch(() => undefined);
    try {
      const result = await Promise.race([running, abandoned]);
      // The worker only saw the request when it got there; the caller asked earlier.
      return { ...result, timings: { ...result.timings, queuedAt } } as FetchResult<TBody>;
    } catch (error) {
      throw abortedCallError(prepared, undefined) ?? error;
    } finally {
      caller.controller.signal.removeEventListener('abort', onAbort);
      caller.unlink();
    }
  }

  /** Terminates the pool's workers (and with them their in-flight requests). Safe to call twice. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

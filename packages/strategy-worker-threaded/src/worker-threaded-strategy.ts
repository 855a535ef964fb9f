import path from 'node:path';
import {
  abortedCallError,
  callSignal,
  now,
  prepareRequest,
  validateOrThrow,
  throwIfAborted,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
} from '@waitless/core/plugin';
import type { requestSync } from '@waitless/blocking-http';
import { ThreadPool, toThread, type ThreadFunction } from '@waitless/to-thread';
import { workerThreadedOptionsSchema, type WorkerThreadedOptions } from './worker-threaded-options';

// The package folder: the worker loads it through its package.json "main", built JavaScript. Not
// require.resolve('@waitless/blocking-http'): under jest, whose moduleNameMapper sends @waitless/* names to
// TypeScript sources, that names a .ts file, and a worker thread runs without a TypeScript loader.
const BLOCKING_HTTP_DIR = path.dirname(require.resolve('@waitless/blocking-http/package.json'));

/**
 * `worker-threaded`: each request runs the blocking `requestSync` from `@waitless/blocking-http`
 * (the very function `blocking-sync` uses) on a worker-thread pool via `toThread`, so blocking calls
 * overlap and the event loop stays free. Aborting a call terminates the worker running it.
 * `timeoutMs` is enforced inside the worker from when the request starts; time spent waiting for a
 * free thread does not count.
 */
export class WorkerThreadedStrategy implements FetchStrategy {
  readonly name = 'worker-threaded';
  private readonly pool: ThreadPool;
  private readonly request: ThreadFunction<typeof requestSync>;

  constructor(options: WorkerThreadedOptions = {}) {
    const { poolSize, idleTimeoutMs } = validateOrThrow(workerThreadedOptionsSchema, options, 'WorkerThreadedStrategy options');
    this.pool = new ThreadPool({ size: poolSize, idleTimeoutMs });
    this.request = toThread<typeof requestSync>(BLOCKING_HTTP_DIR, 'requestSync', { pool: this.pool });
  }

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const queuedAt = now();
    const prepared = prepareRequest(request, options);
    throwIfAborted(prepared);
    // An AbortSignal cannot be cloned to a worker; it stays here and aborts the call through the pool.
    // The pool listens on a per-call signal, not on the caller's long-lived one. The timeout stays with the worker.
    const { signal, ...plain } = prepared;
    const call = callSignal({ signal });
    try {
      const result = await this.request.withSignal(call.signal)(plain);
      // The worker only saw the request when it got there; the caller asked earlier.
      return { ...result, timings: { ...result.timings, queuedAt } } as FetchResult<TBody>;
    } catch (error) {
      throw abortedCallError(prepared, undefined) ?? error;
    } finally {
      call.dispose();
    }
  }

  /** Terminates the pool's workers (and with them their in-flight requests). Safe to call twice. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy } from '@waitless/core/plugin';
import { requestSync } from '@waitless/blocking-http';

/**
 * `blocking-sync`: each request blocks the calling thread until it is done (`requestSync`), then the
 * result is handed back as a promise. The event loop stalls for the whole request and concurrent calls
 * run one after another; that is the point, it is the baseline the other strategies are compared with.
 * Between requests it lets one event-loop turn pass, so a Ctrl-C handler or an abort can run: a signal
 * aborted by then rejects with `AbortError` before anything is sent. An abort during a request cannot be
 * seen (the thread is blocked), but `timeoutMs` is enforced while it blocks, so a deadline (the timeout
 * decorator passes its own down) fails with `TimeoutError` on time.
 */
export class BlockingSyncStrategy implements FetchStrategy {
  readonly name = 'blocking-sync';

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    // A macrotask, not a microtask: signal handlers (SIGINT) and timers only run once the loop turns.
    // Without it a loop of calls never yields, since each call settles before it returns.
    await new Promise((resolve) => setImmediate(resolve));
    return requestSync<TBody>(request, options);
  }
}

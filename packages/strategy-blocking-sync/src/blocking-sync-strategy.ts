import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy } from '@waitless/core/plugin';
import { requestSync } from '@waitless/blocking-http';

/**
 * `blocking-sync`: each request blocks the calling thread until it is done (`requestSync`), then the
 * result is handed back as a promise. The event loop stalls for the whole request and concurrent calls
 * run one after another; that is the point, it is the baseline the other strategies are compared with.
 * An abort during a request cannot be seen (the thread is blocked); an already-aborted signal rejects
 * with `AbortError` before anything is sent, and `timeoutMs` is enforced.
 */
export class BlockingSyncStrategy implements FetchStrategy {
  readonly name = 'blocking-sync';

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    return requestSync<TBody>(request, options);
  }
}

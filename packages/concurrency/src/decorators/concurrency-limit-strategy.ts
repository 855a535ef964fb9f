import { queueWaitChannel, type FetchOptions, type FetchRequest, type FetchResult, type FetchStrategy } from '@waitless/core/plugin';
import type { ConcurrencyLimitSettings } from './decorator-settings';
import { gatedCall } from '../internal/gated-call';
import { FifoSemaphore } from './fifo-semaphore';

/**
 * At most `maxInFlight` calls run through the wrapped strategy at once; the rest wait in a FIFO queue
 * (abortable: a queued call whose signal fires leaves with `AbortError`). Queue time counts in `waitedMs`.
 * @example new ConcurrencyLimitStrategy(strategy, { maxInFlight: 8 })
 */
export class ConcurrencyLimitStrategy implements FetchStrategy {
  readonly name: string;
  private readonly semaphore: FifoSemaphore;

  constructor(
    private readonly inner: FetchStrategy,
    settings: ConcurrencyLimitSettings,
  ) {
    this.name = inner.name;
    this.semaphore = new FifoSemaphore(settings.maxInFlight);
  }

  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    return gatedCall<TBody>(this.inner, request, options, this.semaphore, 'concurrency-limit queue', queueWaitChannel);
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

import { now, type ConcurrencyLimitSettings, type FetchOptions, type FetchRequest, type FetchResult, type FetchStrategy } from '@waitless/core';
import { addTimings, noteOnError } from '../internal/attempt-timings';
import { abortErrorFor, requestFacts } from '../internal/request-facts';
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

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const queuedAt = now();
    const { method, url, signal } = requestFacts(request, options);
    const release = await this.semaphore.acquire(signal, () => abortErrorFor(method, url, signal, 'concurrency-limit queue'));
    const waitedMs = now() - queuedAt;
    try {
      return addTimings(await this.inner.fetch<TBody>(request, options), queuedAt, { waitedMs });
    } catch (error) {
      noteOnError(error, { waitedMs });
      throw error;
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

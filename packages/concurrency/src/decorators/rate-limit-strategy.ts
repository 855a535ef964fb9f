import { rateLimitWaitChannel, type FetchOptions, type FetchRequest, type FetchResult, type FetchStrategy } from '@waitless/core/plugin';
import type { RateLimitSettings } from './decorator-settings';
import { gatedCall } from '../internal/gated-call';
import { SlidingWindowLimiter } from './sliding-window-limiter';

/**
 * At most `requests` calls start in any sliding `intervalMs` window, counted over every concurrent caller
 * of this (shared) instance. Callers over the rate wait FIFO, abortably; the wait counts in `waitedMs`.
 * Placed inside the retry decorator, so retries are rate-limited too.
 * @example new RateLimitStrategy(strategy, { requests: 10, intervalMs: 1000 })
 */
export class RateLimitStrategy implements FetchStrategy {
  readonly name: string;
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    private readonly inner: FetchStrategy,
    settings: RateLimitSettings,
  ) {
    this.name = inner.name;
    this.limiter = new SlidingWindowLimiter(settings.requests, settings.intervalMs);
  }

  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    return gatedCall<TBody>(this.inner, request, options, this.limiter, 'rate limiter', rateLimitWaitChannel);
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

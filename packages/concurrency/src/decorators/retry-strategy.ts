import {
  failedCallTimings,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  noteOnError,
  now,
  redactUrl,
  retryChannel,
  tracedCall,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
  type RetryEvent,
} from '@waitless/core/plugin';
import { retrySettingsSchema, type RetrySettings } from './decorator-settings';
import { abortableDelay } from '../internal/abortable-delay';
import { addTimings } from '../internal/attempt-timings';
import { abortErrorFor, requestFacts } from '../internal/request-facts';
import { parseRetryAfter } from './retry-after';

/** Extra knobs for tests and simulations; config never sets them. */
export interface RetryStrategyOptions {
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: () => number;
}

/**
 * Retries failed calls: up to `attempts` tries in total (the first one included), with exponential
 * backoff and full jitter (`random() × min(maxDelayMs, baseDelayMs × 2^(retry-1))`). Only `methods`
 * (idempotent ones by default) are retried, and only for a retryable failure: an `HttpError` whose status
 * is in `statuses`, a `NetworkError`, or the `TimeoutError` of one attempt. Never an `AbortError` or a
 * `ResponseBodyError`. On 429/503 with `respectRetryAfter`, the server's `Retry-After` (seconds or HTTP
 * date) replaces the backoff; if it asks for longer than `maxDelayMs`, the error is thrown instead.
 * Backoff waits end at once when the caller's signal fires.
 * @example new RetryStrategy(strategy, retrySettingsSchema.parse({ attempts: 4 }))
 */
export class RetryStrategy implements FetchStrategy {
  readonly name: string;
  private readonly settings: RetrySettings;
  private readonly random: () => number;

  constructor(
    private readonly inner: FetchStrategy,
    settings: Partial<RetrySettings> = {},
    options: RetryStrategyOptions = {},
  ) {
    this.name = inner.name;
    // Validated here as well as in config, so a hand-built decorator gets the same defaults and checks.
    this.settings = retrySettingsSchema.parse(settings);
    this.random = options.random ?? Math.random;
  }

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const queuedAt = now();
    const { method, url, signal } = requestFacts(request, options);
    const methodRetryable = (this.settings.methods as string[]).includes(method.toUpperCase());
    let attempts = 0;
    let waitedMs = 0;
    for (;;) {
      let result: FetchResult<TBody>;
      try {
        result = await this.inner.fetch<TBody>(request, options);
      } catch (error) {
        const spent = failedCallTimings(error);
        attempts += spent.attempts;
        waitedMs += spent.waitedMs;
        const delayMs =
          methodRetryable && attempts < this.settings.attempts && !signal?.aborted ? this.delayBefore(attempts, error) : undefined;
        if (delayMs === undefined) {
          // The caller's retry decorator (if any) or the app can still read what this call spent.
          noteOnError(error, { attempts: attempts - spent.attempts, waitedMs: waitedMs - spent.waitedMs });
          throw error;
        }
        if (retryChannel.hasSubscribers) {
          const event: RetryEvent = {
            call: tracedCall(),
            strategy: this.name,
            method,
            url: redactUrl(url),
            attempt: attempts,
            delayMs,
            error,
          };
          retryChannel.publish(event);
        }
        const waitStart = now();
        await abortableDelay(delayMs, signal, () => abortErrorFor(method, url, signal, 'retry backoff'));
        waitedMs += now() - waitStart;
        continue;
      }
      return addTimings(result, queuedAt, { attempts, waitedMs });
    }
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }

  /** Milliseconds to wait before the next attempt, or undefined when `error` must not be retried. */
  private delayBefore(attemptsSoFar: number, error: unknown): number | undefined {
    // Guards, not instanceof: the error may come from another copy of @waitless/core (a plugin's own).
    if (isNetworkError(error) || isTimeoutError(error)) return this.backoff(attemptsSoFar);
    if (!isHttpError(error)) return undefined;
    const { status, headers } = error;
    if (!this.settings.statuses.includes(status)) return undefined;
    if (this.settings.respectRetryAfter && (status === 429 || status === 503)) {
      const retryAfterMs = parseRetryAfter(headers);
      if (retryAfterMs !== undefined) return retryAfterMs <= this.settings.maxDelayMs ? retryAfterMs : undefined;
    }
    return this.backoff(attemptsSoFar);
  }

  private backoff(retry: number): number {
    const cap = Math.min(this.settings.maxDelayMs, this.settings.baseDelayMs * 2 ** (retry - 1));
    return this.settings.jitter ? this.random() * cap : cap;
  }
}

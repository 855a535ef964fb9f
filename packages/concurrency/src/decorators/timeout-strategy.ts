import {
  linkSignal,
  TimeoutError,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
} from '@waitless/core/plugin';
import { observed } from '../internal/observed';
import { requestFacts } from '../internal/request-facts';
import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Fails a call with core's `TimeoutError` after `timeoutMs` and aborts the wrapped call. Used twice by
 * `standardDecorators`: inside retry for `timeout.perAttemptMs` (each attempt, including its time in
 * the limiters below it) and outside retry for `timeout.totalMs` (the whole call, backoff included).
 * The caller's own abort still wins and surfaces as `AbortError`.
 * @example new TimeoutStrategy(strategy, 2_000)
 */
export class TimeoutStrategy implements FetchStrategy {
  readonly name: string;

  constructor(
    private readonly inner: FetchStrategy,
    readonly timeoutMs: number,
  ) {
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
      throw new InvalidOptionError('timeoutMs', timeoutMs, 'a number of milliseconds > 0');
    this.name = inner.name;
  }

  async fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    const { method, url, signal: outer } = requestFacts(request, options);
    const { controller, unlink } = linkSignal(outer);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new TimeoutError(this.timeoutMs, method, url);
        controller.abort(error);
        reject(error);
      }, this.timeoutMs);
    });
    // The deadline also travels down as `timeoutMs`, for transports that cannot see the signal while they
    // block (blocking-sync) or that run the request on another thread (worker-threaded).
    const inherited = options?.timeoutMs ?? request.timeoutMs;
    const timeoutMs = inherited === undefined ? this.timeoutMs : Math.min(inherited, this.timeoutMs);
    const call = this.inner.fetch<TBody>(request, { ...options, timeoutMs, signal: controller.signal });
    // Racing (rather than trusting the inner call to notice the abort) keeps the deadline exact; the
    // loser's rejection is observed so it is never reported as unhandled.
    call.catch(observed);
    timedOut.catch(observed);
    try {
      return await Promise.race([call, timedOut]);
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

import { isHttpError } from '../errors/error-guards';
import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy } from '../fetch-strategy';
import { redactUrl } from '../http/url-for-message';
import { failedCallTimings } from './failed-call-timings';
import { fetchChannel, runAsTracedCall, type FetchTraceContext } from './fetch-channel';

/**
 * Publishes every call on the `waitless:fetch` tracing channel. The runtime puts it outermost around each
 * strategy it builds, so every call passes it on the caller's thread, whichever thread does the work.
 */
export class TracedStrategy implements FetchStrategy {
  readonly name: string;

  constructor(private readonly inner: FetchStrategy) {
    this.name = inner.name;
  }

  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    // The only cost while nobody listens: no context object, no async wrapper.
    if (!fetchChannel.hasSubscribers) return this.inner.fetch<TBody>(request, options);
    const call: FetchTraceContext = { strategy: this.name, method: request.method ?? 'GET', url: redactUrl(request.url) };
    // `async` turns a strategy that throws synchronously into a rejection, so asyncEnd always follows start.
    const traced = async (): Promise<FetchResult<TBody>> => {
      try {
        const result = await this.inner.fetch<TBody>(request, options);
        call.status = result.status;
        call.attempts = result.timings.attempts;
        call.waitedMs = result.timings.waitedMs;
        call.timings = result.timings;
        return result;
      } catch (error) {
        if (isHttpError(error)) call.status = error.status;
        Object.assign(call, failedCallTimings(error));
        throw error;
      }
    };
    return runAsTracedCall(call, () => fetchChannel.tracePromise(traced, call));
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

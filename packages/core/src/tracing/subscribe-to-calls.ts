import { fetchChannel, type FetchTraceContext } from './fetch-channel';
import { queueWaitChannel, rateLimitWaitChannel, retryChannel, type GateWaitEvent, type RetryEvent } from './wait-channels';

/** What a subscriber hears of every call: its start, its failure, its end, and the waits in between. */
export interface CallSubscriber {
  /** Synchronously inside `fetch`, on the caller's thread (the caller's async context is active). */
  start(call: FetchTraceContext): void;
  /** The call failed; `call.error` says why. `end` follows. */
  error(call: FetchTraceContext): void;
  /** The call settled, ok or not; status, attempts, waiting and timings are on `call`. */
  end(call: FetchTraceContext): void;
  /** An attempt failed and another is scheduled. */
  retry(event: RetryEvent): void;
  /** The call waited for a rate limiter (`rate-limit-wait`) or a concurrency-limit slot (`queue-wait`). */
  gateWait(kind: 'rate-limit-wait' | 'queue-wait', event: GateWaitEvent): void;
}

/**
 * Subscribes one listener to `waitless:fetch` and the three wait channels; returns the unsubscribe (safe to call twice).
 * @example const stop = subscribeToCalls({ start: (c) => log(c.url), error() {}, end() {}, retry() {}, gateWait() {} });
 */
export function subscribeToCalls(subscriber: CallSubscriber): () => void {
  const ignore = (): void => undefined;
  const handlers = {
    start: (call: FetchTraceContext): void => subscriber.start(call),
    // Nothing happens for a subscriber when fetch returns its promise, nor before the promise settles.
    end: ignore,
    asyncStart: ignore,
    error: (call: FetchTraceContext): void => subscriber.error(call),
    asyncEnd: (call: FetchTraceContext): void => subscriber.end(call),
  };
  const onRetry = (message: unknown): void => subscriber.retry(message as RetryEvent);
  const onRateLimitWait = (message: unknown): void => subscriber.gateWait('rate-limit-wait', message as GateWaitEvent);
  const onQueueWait = (message: unknown): void => subscriber.gateWait('queue-wait', message as GateWaitEvent);
  fetchChannel.subscribe(handlers);
  retryChannel.subscribe(onRetry);
  rateLimitWaitChannel.subscribe(onRateLimitWait);
  queueWaitChannel.subscribe(onQueueWait);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    fetchChannel.unsubscribe(handlers);
    retryChannel.unsubscribe(onRetry);
    rateLimitWaitChannel.unsubscribe(onRateLimitWait);
    queueWaitChannel.unsubscribe(onQueueWait);
  };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { tracingChannel } from 'node:diagnostics_channel';
import type { FetchResult, FetchTimings } from '../fetch-strategy';

/** The name of the tracing channel every call made through `createWaitless` is published on. */
export const FETCH_CHANNEL = 'waitless:fetch';

/**
 * The context object of one call on the `waitless:fetch` tracing channel: the same object in its `start`, `end`,
 * `asyncStart`, `asyncEnd` and `error` events, so a subscriber can key its own state by it (a span, an id).
 * `start` carries what the call asks for; the outcome fields are filled in before `asyncEnd` (and `error`).
 */
export interface FetchTraceContext {
  /** The strategy's name, e.g. `blocking-sync`. */
  readonly strategy: string;
  readonly method: string;
  /** The request URL with credentials redacted (`http://***@host/`). */
  readonly url: string;
  /** The response status: of the result, or of the `HttpError` the call failed with. */
  status?: number;
  /** Attempts made, retries included (also on failure). */
  attempts?: number;
  /** Milliseconds spent in queues, rate limiters and backoff (also on failure). */
  waitedMs?: number;
  /** The result's timings, when the call succeeded. */
  timings?: FetchTimings;
  /** Set by the tracing channel when the call resolves. */
  result?: FetchResult;
  /** Set by the tracing channel when the call rejects. */
  error?: unknown;
}

/**
 * The `waitless:fetch` tracing channel (Node's `diagnostics_channel`). Events are published on the thread that
 * called `fetch`, whichever strategy carries the call (worker threads included); building them costs nothing
 * while nobody subscribes.
 * @example
 * fetchChannel.subscribe({
 *   start: (call) => console.log('→', call.method, call.url),
 *   asyncEnd: (call) => console.log('←', call.status, call.attempts),
 *   end() {}, asyncStart() {}, error() {},
 * });
 */
export const fetchChannel = tracingChannel<unknown, FetchTraceContext>(FETCH_CHANNEL);

// The call in progress while a subscriber listens, so wait events published deep in the decorator chain name it.
// One store per process under a `Symbol.for` key, like the channels themselves: two copies of core still agree.
const CURRENT_CALL = Symbol.for('waitless.tracedCall');
const currentCall: AsyncLocalStorage<FetchTraceContext> = ((globalThis as Record<symbol, unknown>)[CURRENT_CALL] ??=
  new AsyncLocalStorage<FetchTraceContext>()) as AsyncLocalStorage<FetchTraceContext>;

/** Runs `fn` with `call` as the current traced call. */
export function runAsTracedCall<T>(call: FetchTraceContext, fn: () => T): T {
  return currentCall.run(call, fn);
}

/**
 * The traced call this code runs in, or undefined when nobody subscribes to `waitless:fetch` (or outside a call).
 * @example retryChannel.publish({ call: tracedCall(), ... });
 */
export function tracedCall(): FetchTraceContext | undefined {
  return currentCall.getStore();
}

import { getMaxListeners, setMaxListeners } from 'node:events';
import { AbortError } from '../errors/abort-error';
import { TimeoutError } from '../errors/timeout-error';
import type { PreparedRequest } from './prepared-request';

/** The signal one call hands to its transport, and how to let go of it when the call settles. */
export interface CallSignal {
  /** Fires when the caller aborts or the per-call timeout passes; undefined when neither can happen. */
  readonly signal: AbortSignal | undefined;
  /** Detaches from the caller's signal and clears the timer. Call it once the call has settled. */
  dispose(): void;
}

const NOTHING_TO_DISPOSE: CallSignal = { signal: undefined, dispose: () => undefined };
// Far above any sane number of calls in flight on one caller signal; undici's fetch raises it the same way.
const LISTENERS_PER_CALLER_SIGNAL = 100_000;
const widened = new WeakSet<AbortSignal>();

/**
 * A short-lived signal for one call: the caller's signal and the per-call timeout, linked by hand.
 * Not `AbortSignal.any`: on Node 20 a long-lived caller signal (one per stream or per CLI run) keeps
 * every signal combined from it alive, which grew RSS by ~300 MB over a million calls.
 */
export function callSignal(request: Pick<PreparedRequest, 'signal' | 'timeoutMs'>): CallSignal {
  const outer = request.signal;
  if (!outer && request.timeoutMs === undefined) return NOTHING_TO_DISPOSE;
  const controller = new AbortController();
  const abort = (): void => controller.abort(outer?.reason);
  let timer: NodeJS.Timeout | undefined;
  if (outer) {
    allowManyListeners(outer);
    outer.addEventListener('abort', abort, { once: true });
  }
  if (request.timeoutMs !== undefined) {
    timer = setTimeout(() => controller.abort(new Error(`timed out after ${request.timeoutMs} ms`)), request.timeoutMs);
    timer.unref();
  }
  return {
    signal: controller.signal,
    dispose: () => {
      outer?.removeEventListener('abort', abort);
      clearTimeout(timer);
    },
  };
}

/**
 * Raises the listener limit of a signal that many calls in flight listen on at once (a stream's, a CLI
 * run's), so Node does not warn about a leak that is none. Once per signal; a limit of 0 stays unlimited.
 */
export function allowManyListeners(signal: AbortSignal): void {
  if (widened.has(signal)) return;
  widened.add(signal);
  try {
    const limit = getMaxListeners(signal);
    if (limit > 0 && limit < LISTENERS_PER_CALLER_SIGNAL) setMaxListeners(LISTENERS_PER_CALLER_SIGNAL, signal);
  } catch {
    // Node 20 throws for a signal whose limit is 0 ("unlimited"): nothing to raise.
  }
}

/**
 * If the call ended because of its signal or timeout, the matching typed error; otherwise undefined,
 * so the transport reports its own failure. The caller's abort wins over a timeout that fired later.
 */
export function abortedCallError(request: Pick<PreparedRequest, 'signal' | 'timeoutMs' | 'method' | 'url'>, signal: AbortSignal | undefined): Error | undefined {
  if (request.signal?.aborted) return new AbortError(request.method, request.url, describeAbortReason(request.signal.reason));
  if (signal?.aborted && request.timeoutMs !== undefined) return new TimeoutError(request.timeoutMs, request.method, request.url);
  return undefined;
}

/** The text an `AbortError` shows for `signal.reason`: an Error's message, or the reason as a string. */
export function describeAbortReason(reason: unknown): string | undefined {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? undefined : String(reason);
}

/** Throws `AbortError` when the caller aborted before the call started. */
export function throwIfAborted(request: Pick<PreparedRequest, 'signal' | 'method' | 'url'>): void {
  if (request.signal?.aborted) throw new AbortError(request.method, request.url, describeAbortReason(request.signal.reason));
}

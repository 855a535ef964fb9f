import { AbortError } from '../errors/abort-error';
import { TimeoutError } from '../errors/timeout-error';
import { linkSignal } from './link-signal';
import type { PreparedRequest } from './prepared-request';

// Still exported from here so existing imports of it keep working; it lives in its own file.

/** The signal one call hands to its transport, and how to let go of it when the call settles. */
export interface CallSignal {
  /** Fires when the caller aborts or the per-call timeout passes; undefined when neither can happen. */
  readonly signal: AbortSignal | undefined;
  /** Detaches from the caller's signal and clears the timer. Call it once the call has settled. */
  dispose(): void;
}

const NOTHING_TO_DISPOSE: CallSignal = { signal: undefined, dispose: () => undefined };

/**
 * A short-lived signal for one call: the caller's signal and the per-call timeout, linked by hand with
 * `linkSignal` (not `AbortSignal.any`, which on Node 20 lets a long-lived caller signal keep every
 * per-call signal alive).
 */
export function callSignal(request: Pick<PreparedRequest, 'signal' | 'timeoutMs'>): CallSignal {
  if (!request.signal && request.timeoutMs === undefined) return NOTHING_TO_DISPOSE;
  const { controller, unlink } = linkSignal(request.signal);
  let timer: NodeJS.Timeout | undefined;
  if (request.timeoutMs !== undefined) {
    timer = setTimeout(() => controller.abort(new Error(`timed out after ${request.timeoutMs} ms`)), request.timeoutMs);
    timer.unref();
  }
  return {
    signal: controller.signal,
    dispose: () => {
      unlink();
      clearTimeout(timer);
    },
  };
}

/**
 * If the call ended because of its signal or timeout, the matching typed error; otherwise undefined,
 * so the transport reports its own failure. The caller's abort wins over a timeout that fired later.
 */
export function abortedCallError(
  request: Pick<PreparedRequest, 'signal' | 'timeoutMs' | 'method' | 'url'>,
  signal: AbortSignal | undefined,
): Error | undefined {
  if (request.signal?.aborted) return abortErrorFor(request, request.signal);
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
  if (request.signal?.aborted) throw abortErrorFor(request, request.signal);
}

function abortErrorFor({ method, url }: Pick<PreparedRequest, 'method' | 'url'>, signal: AbortSignal): AbortError {
  return new AbortError(method, url, describeAbortReason(signal.reason), { cause: signal.reason });
}

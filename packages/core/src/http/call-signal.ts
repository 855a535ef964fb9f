import { AbortError } from '../errors/abort-error';
import { TimeoutError } from '../errors/timeout-error';
import type { PreparedRequest } from './prepared-request';

/** The signal a transport should obey: the caller's signal and the per-call timeout combined. */
export function callSignal(request: Pick<PreparedRequest, 'signal' | 'timeoutMs'>): AbortSignal | undefined {
  const signals = [request.signal, request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs)].filter((s): s is AbortSignal => s !== undefined);
  return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
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

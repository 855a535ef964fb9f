import { AbortError, describeAbortReason, type FetchOptions, type FetchRequest } from '@waitless/core/plugin';

/** The method, URL and effective signal of a call, as every decorator needs them for errors and waits. */
export function requestFacts(
  request: FetchRequest,
  options: FetchOptions | undefined,
): { method: string; url: string; signal: AbortSignal | undefined } {
  return { method: request.method ?? 'GET', url: request.url, signal: options?.signal ?? request.signal };
}

/** The core `AbortError` for a call whose signal fired while a decorator made it wait. */
export function abortErrorFor(method: string, url: string, signal: AbortSignal | undefined, where: string): AbortError {
  const detail = [`while waiting in the ${where}`, describeAbortReason(signal?.reason)].filter(Boolean).join(': ');
  return new AbortError(method, url, detail, { cause: signal?.reason });
}

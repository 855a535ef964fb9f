import {
  now,
  prepareRequest,
  reviveError,
  throwIfAborted,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type TransferredError,
} from '@waitless/core/plugin';
import { callHelper } from './request-helper';

type HelperReply = { result: FetchResult } | { error: TransferredError };

/**
 * Performs one HTTP request and blocks the calling thread until it is done, like Python's
 * `requests.get`: no event-loop turn happens meanwhile. The request runs on a helper worker thread
 * (`Atomics.wait` until it answers) with Node's global `fetch` and keep-alive. The helper is started lazily
 * once per thread, or shared by every thread after `startSharedRequestHelper()`, and is `unref`'d, so it
 * never keeps the process alive.
 *
 * It behaves like every in-process strategy (core's `performCall`): redirects are followed up to
 * `maxRedirects`, and the body is read up to `maxBodyBytes`. Errors are core's: `HttpError` (non-2xx),
 * `ResponseBodyError`, `TimeoutError` (`timeoutMs` is enforced inside the worker, so it fires although this
 * thread is blocked), `TooManyRedirectsError`, `ResponseTooLargeError`, `NetworkError`, and `AbortError` when
 * the signal was already aborted before the call (nothing is sent). An abort that happens *during* the
 * call cannot be observed: the signal can neither cross threads nor fire its listeners while this thread
 * is blocked. That is inherent to blocking; run it on a worker (`toThread`) to make it abortable.
 * For the same reason a server on the calling thread can never answer: point it at another thread or
 * process (or set `timeoutMs`, or it waits forever). There is nothing to close.
 *
 * @example const { body } = requestSync<{ name: string }>({ url: 'http://127.0.0.1:8080/api/v2/pokemon/1', timeoutMs: 2000 });
 */
export function requestSync<TBody = unknown>(request: FetchRequest, options?: FetchOptions): FetchResult<TBody> {
  const queuedAt = now();
  const prepared = prepareRequest(request, options);
  throwIfAborted(prepared);
  // Plain data only crosses to the helper: an AbortSignal cannot be cloned.
  const reply = callHelper<HelperReply>({ request: { ...prepared, signal: undefined }, queuedAt });
  if ('error' in reply) throw reviveError(reply.error);
  return reply.result as FetchResult<TBody>;
}

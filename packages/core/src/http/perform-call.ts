import type { FetchOptions, FetchRequest, FetchResult } from '../fetch-strategy';
import { now } from '../clock';
import { TooManyRedirectsError } from '../errors/too-many-redirects-error';
import { abortedCallError, callSignal, throwIfAborted } from './call-signal';
import { prepareRequest, type PreparedRequest } from './prepared-request';
import { interpretResponse } from './raw-response';
import { redirectTarget } from './redirect-target';

/**
 * What a transport read: status, lowercased headers, the whole body as text (at most `maxBodyBytes` of it:
 * see `readLimitedBody`), and when headers arrived.
 */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  firstByteAt?: number;
}

/**
 * Sends one prepared request exactly as given, without following redirects (`performCall` does); must stop
 * its work (close the socket) when `signal` aborts.
 */
export type Transport = (prepared: PreparedRequest, signal: AbortSignal | undefined) => Promise<TransportResponse>;

/** Turns a transport's own failure (reset socket, refused connection) into a core error; returns others unchanged. */
export type TransportErrorMapper = (error: unknown, prepared: PreparedRequest) => unknown;

/**
 * One call of an in-process async strategy, with everything but the transport done the same way for all:
 * defaults and body encoding, abort before start, the per-call signal (caller + timeout), redirects (up to
 * `maxRedirects`, then `TooManyRedirectsError`), timings, `HttpError` / JSON parsing, and `AbortError` /
 * `TimeoutError` winning over whatever the transport threw.
 * @example fetch(request, options) { return performCall(request, options, (prepared, signal) => send(prepared, signal), toNetworkError); }
 */
export async function performCall<TBody>(
  request: FetchRequest,
  options: FetchOptions | undefined,
  transport: Transport,
  mapError: TransportErrorMapper = (error) => error,
): Promise<FetchResult<TBody>> {
  const queuedAt = now();
  const prepared = prepareRequest(request, options);
  throwIfAborted(prepared);
  const call = callSignal(prepared);
  const startedAt = now();
  let current = prepared;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await transport(current, call.signal);
      const next = redirectTarget(current, response.status, response.headers);
      if (next === undefined) {
        return interpretResponse<TBody>(current, {
          status: response.status,
          url: current.url,
          headers: response.headers,
          text: response.text,
          timings: { queuedAt, startedAt, firstByteAt: response.firstByteAt, endedAt: now(), attempts: 1, waitedMs: 0 },
        });
      }
      if (redirects >= prepared.maxRedirects) throw new TooManyRedirectsError(prepared.method, prepared.url, prepared.maxRedirects);
      current = next;
    }
  } catch (error) {
    throw abortedCallError(prepared, call.signal) ?? mapError(error, current);
  } finally {
    call.dispose();
  }
}

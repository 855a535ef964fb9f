import type { FetchOptions, FetchRequest, FetchResult } from '../fetch-strategy';
import { now } from '../clock';
import { abortedCallError, callSignal, throwIfAborted } from './call-signal';
import { prepareRequest, type PreparedRequest } from './prepared-request';
import { interpretResponse } from './raw-response';

/** What a transport read: status, lowercased headers, the whole body as text, and when headers arrived. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  firstByteAt?: number;
}

/** Sends one prepared request; must stop its work (close the socket) when `signal` aborts. */
export type Transport = (prepared: PreparedRequest, signal: AbortSignal | undefined) => Promise<TransportResponse>;

/** Turns a transport's own failure (reset socket, refused connection) into a core error; returns others unchanged. */
export type TransportErrorMapper = (error: unknown, prepared: PreparedRequest) => unknown;

/**
 * One call of an in-process async strategy, with everything but the transport done the same way for all:
 * defaults and body encoding, abort before start, the per-call signal (caller + timeout), timings,
 * `HttpError` / JSON parsing, and `AbortError` / `TimeoutError` winning over whatever the transport threw.
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
  try {
    const response = await transport(prepared, call.signal);
    return interpretResponse<TBody>(prepared, {
      status: response.status,
      url: prepared.url,
      headers: response.headers,
      text: response.text,
      timings: { queuedAt, startedAt, firstByteAt: response.firstByteAt, endedAt: now(), attempts: 1, waitedMs: 0 },
    });
  } catch (error) {
    throw abortedCallError(prepared, call.signal) ?? mapError(error, prepared);
  } finally {
    call.dispose();
  }
}

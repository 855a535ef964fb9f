import type { FetchOptions, FetchRequest, HttpMethod } from '../fetch-strategy';
import { responseLimits } from './response-limits';

/** A request with defaults applied and the body encoded: what a transport actually sends. */
export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body to read, in bytes: the request's or the default. */
  maxBodyBytes: number;
  /** Redirects to follow before `TooManyRedirectsError`: the request's or the default. */
  maxRedirects: number;
}

/** Applies defaults (GET, the response limits), lets per-call options win, and serialises `json` with its content type. */
export function prepareRequest(request: FetchRequest, options: FetchOptions = {}): PreparedRequest {
  const headers: Record<string, string> = { ...request.headers };
  let body = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  return {
    method: request.method ?? 'GET',
    url: request.url,
    headers,
    body,
    timeoutMs: options.timeoutMs ?? request.timeoutMs,
    signal: options.signal ?? request.signal,
    ...responseLimits(request, options),
  };
}

import type { FetchOptions, FetchRequest, HttpMethod } from '../fetch-strategy';

/** A request with defaults applied and the body encoded: what a transport actually sends. */
export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Applies defaults (GET), lets per-call options win, and serialises `json` with its content type. */
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
  };
}

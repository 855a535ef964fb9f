import { HttpError } from '../errors/http-error';
import { ResponseBodyError } from '../errors/response-body-error';
import type { FetchResult, FetchTimings } from '../fetch-strategy';
import type { PreparedRequest } from './prepared-request';

/** A response as a transport read it, before Waitless interprets it. Plain data, so it crosses threads. */
export interface RawResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  text: string;
  timings: FetchTimings;
}

/**
 * Turns a raw response into a `FetchResult`: non-2xx becomes `HttpError`, JSON content types are parsed.
 * Every transport ends here so all strategies interpret responses the same way.
 */
export function interpretResponse<TBody>(request: Pick<PreparedRequest, 'method'>, raw: RawResponse): FetchResult<TBody> {
  if (raw.status < 200 || raw.status > 299) throw new HttpError(raw.status, request.method, raw.url, raw.text, raw.headers);
  return { status: raw.status, url: raw.url, headers: raw.headers, body: parseBody(request.method, raw) as TBody, timings: raw.timings };
}

function parseBody(method: string, raw: RawResponse): unknown {
  const type = raw.headers['content-type'] ?? '';
  if (!/[/+]json\b/i.test(type) || raw.text === '') return raw.text;
  try {
    return JSON.parse(raw.text);
  } catch (error) {
    throw new ResponseBodyError(method, raw.url, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

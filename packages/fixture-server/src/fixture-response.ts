/** A response the fixture server is about to send, before faults like `slowBody` are applied. */
export interface FixtureResponse {
  status: number;
  /** Content-Type header value. */
  contentType: string;
  body: Buffer;
  /** True for JSON bodies, which `invalidJson` may truncate. */
  json: boolean;
  /** Extra headers, e.g. `Allow` or `Retry-After`. */
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** A JSON response; `body` may be a value to stringify or an already-encoded Buffer. */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): FixtureResponse {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return { status, contentType: JSON_TYPE, body: buffer, json: true, headers };
}

/** A `text/plain` response. */
export function textResponse(status: number, text: string): FixtureResponse {
  return { status, contentType: TEXT_TYPE, body: Buffer.from(text), json: false };
}

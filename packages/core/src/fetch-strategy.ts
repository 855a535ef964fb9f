/** HTTP methods a strategy must support. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * One HTTP request, independent of how it is carried out.
 * Give at most one of `json` (serialised for you) and `body` (sent as is).
 */
export interface FetchRequest {
  url: string;
  method?: HttpMethod;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Per-call timeout in milliseconds; `TimeoutError` when exceeded. */
  timeoutMs?: number;
  /** Aborting rejects the call with `AbortError` and stops the work. */
  signal?: AbortSignal;
  /**
   * Largest response body to read, in bytes (default `DEFAULT_MAX_BODY_BYTES`, 10 MiB); a longer one stops
   * the read and rejects with `ResponseTooLargeError`.
   */
  maxBodyBytes?: number;
  /** Redirects to follow before rejecting with `TooManyRedirectsError` (default `DEFAULT_MAX_REDIRECTS`, 5; 0 follows none). */
  maxRedirects?: number;
}

/** Per-call overrides; they win over the same fields on the request. */
export type FetchOptions = Pick<FetchRequest, 'timeoutMs' | 'signal' | 'maxBodyBytes' | 'maxRedirects'>;

/**
 * When things happened, as epoch milliseconds with sub-millisecond precision
 * (comparable across worker threads), so apps can draw timelines.
 */
export interface FetchTimings {
  /** The caller asked for the request. */
  queuedAt: number;
  /** The transport started the (last) attempt. */
  startedAt: number;
  /** Response headers arrived, when the transport can tell. */
  firstByteAt?: number;
  /** The body was read and parsed. */
  endedAt: number;
  /** How many attempts were made (decorators such as retry raise it). */
  attempts: number;
  /** Milliseconds spent waiting in queues, rate limiters and backoff before the last attempt. */
  waitedMs: number;
}

/** What a successful call resolves to. `body` is parsed JSON when the content type says so, text otherwise. */
export interface FetchResult<TBody = unknown> {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: TBody;
  timings: FetchTimings;
}

/**
 * The one async interface every transport implements. Non-2xx responses reject with `HttpError`,
 * timeouts with `TimeoutError`, aborts with `AbortError`, transport failures with `NetworkError`, a body
 * over `maxBodyBytes` with `ResponseTooLargeError`, and more than `maxRedirects` redirects with
 * `TooManyRedirectsError`. Redirects up to the limit are followed.
 */
export interface FetchStrategy {
  /** The kebab-case name users select it by, e.g. `native-async`. */
  readonly name: string;
  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>>;
  /** Releases pools, workers and sockets. Safe to call twice. */
  close?(): Promise<void>;
}

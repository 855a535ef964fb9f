import type { FetchOptions, FetchRequest } from '../fetch-strategy';

/**
 * The default `maxBodyBytes`: 10 MiB. Far above any JSON API answer Waitless is built for (a PokéAPI
 * resource is a few hundred KiB at most), yet small enough that a thousand calls in flight against a
 * misbehaving server cannot hold more than a few GiB of bodies, and that a worker thread's copy stays cheap.
 */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The default `maxRedirects`: 5, enough for http→https→canonical-host chains; a loop fails fast. */
export const DEFAULT_MAX_REDIRECTS = 5;

/** The largest `maxBodyBytes` accepted anywhere: 256 MiB, well below V8's ~512 MiB string limit. */
export const MAX_BODY_BYTES_LIMIT = 256 * 1024 * 1024;

/** The largest `maxRedirects` accepted anywhere; a longer chain is a loop in practice. */
export const MAX_REDIRECTS_LIMIT = 50;

/** The response limits one call runs under. */
export interface ResponseLimits {
  /** Largest body to read, in bytes. */
  maxBodyBytes: number;
  /** Redirects to follow before failing. */
  maxRedirects: number;
}

/**
 * The limits a transport enforces for one call: per-call options win over the request, and defaults
 * (`DEFAULT_MAX_BODY_BYTES`, `DEFAULT_MAX_REDIRECTS`) fill in the rest.
 * @example const { maxBodyBytes } = responseLimits(request, options); // 10485760 unless someone set it
 */
export function responseLimits(request: FetchRequest, options?: FetchOptions): ResponseLimits {
  return {
    maxBodyBytes: options?.maxBodyBytes ?? request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxRedirects: options?.maxRedirects ?? request.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
  };
}

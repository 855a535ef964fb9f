import { NetworkError, type PreparedRequest } from '@waitless/core/plugin';

// Socket-level failures Node reports by errno code.
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// undici codes that are the caller's mistake rather than the network's.
const CALLER_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_INVALID_RETURN_VALUE']);

/**
 * Maps a transport failure (reset or refused socket, `UND_ERR_SOCKET`, framing or undici timeout errors) to
 * core's `NetworkError` with the original as `cause`; anything else, such as `HttpError` from `interpretResponse`, is returned unchanged.
 * Matched by `code`, not class: socket errors come from Node's `net`, and two copies of undici have different classes.
 */
export function toNetworkError(error: unknown, { method, url }: Pick<PreparedRequest, 'method' | 'url'>): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (!SOCKET_CODES.has(code) && !(code.startsWith('UND_ERR_') && !CALLER_CODES.has(code))) return error;
  return new NetworkError(method, url, `${code}: ${(error as Error).message}`, { cause: error });
}

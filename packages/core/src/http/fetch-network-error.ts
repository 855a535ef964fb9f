import { types } from 'node:util';
import { NetworkError } from '../errors/network-error';
import type { PreparedRequest } from './prepared-request';

/**
 * Maps a failure of the platform `fetch` (a `TypeError` with the socket error as its cause) to `NetworkError`,
 * keeping the original as its `cause`; returns anything else unchanged, a Waitless error included.
 * A platform error has no brand to check: it is recognised as a native error (of any realm: under jest it
 * comes from another one, so `instanceof TypeError` fails) named `TypeError`.
 */
export function fetchNetworkError(error: unknown, { method, url }: Pick<PreparedRequest, 'method' | 'url'>): unknown {
  if (!types.isNativeError(error) || error.name !== 'TypeError') return error;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return new NetworkError(method, url, [cause?.code, cause?.message ?? error.message].filter(Boolean).join(': '), { cause: error });
}

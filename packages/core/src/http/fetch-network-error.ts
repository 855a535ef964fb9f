import { NetworkError } from '../errors/network-error';
import type { PreparedRequest } from './prepared-request';

/**
 * Maps a failure of the platform `fetch` (a `TypeError` with the socket error as its cause) to `NetworkError`;
 * returns anything else unchanged. Compared by name, not class: the error may come from another realm (jest's vm).
 */
export function fetchNetworkError(error: unknown, { method, url }: Pick<PreparedRequest, 'method' | 'url'>): unknown {
  if (typeof error !== 'object' || error === null || (error as Error).name !== 'TypeError') return error;
  const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
  return new NetworkError(method, url, [cause?.code, cause?.message ?? (error as Error).message].filter(Boolean).join(': '));
}

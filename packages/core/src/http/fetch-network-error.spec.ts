import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from '../errors/http-error';
import { isNetworkError } from '../errors/error-guards';
import { fetchNetworkError } from './fetch-network-error';

const request = { method: 'GET' as const, url: 'http://127.0.0.1/x' };

/** A URL on a port that was free a moment ago, so connecting is refused. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return `http://127.0.0.1:${port}/`;
}

describe('fetchNetworkError', () => {
  it('turns a refused fetch into NetworkError that keeps fetch’s error as cause', async () => {
    const url = await closedPortUrl();
    const failure = await fetch(url).catch((error: unknown) => error);
    const mapped = fetchNetworkError(failure, { method: 'GET', url });
    expect(isNetworkError(mapped)).toBe(true);
    expect(isNetworkError(mapped) && mapped.detail).toMatch(/^ECONNREFUSED: /);
    expect(isNetworkError(mapped) && mapped.cause).toBe(failure);
  });

  it('returns anything else unchanged, a TypeError look-alike included', () => {
    const http = new HttpError(503, 'GET', request.url, '');
    const lookAlike = { name: 'TypeError', message: 'fetch failed' };
    expect(fetchNetworkError(http, request)).toBe(http);
    expect(fetchNetworkError(lookAlike, request)).toBe(lookAlike);
    expect(fetchNetworkError('boom', request)).toBe('boom');
  });
});

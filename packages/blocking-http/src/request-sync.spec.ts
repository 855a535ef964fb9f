import http from 'node:http';
import { once } from 'node:events';
import { AbortError, HttpError, NetworkError, ResponseBodyError, TimeoutError } from '@waitless/core';
import { requestSync } from './request-sync';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';

let server: FixtureServerThread;

beforeAll(async () => {
  server = await startFixtureServerThread();
});

afterAll(async () => {
  await server.close();
});

describe('requestSync', () => {
  it('returns parsed JSON with lower-cased headers and ordered timings', () => {
    const result = requestSync<{ id: number; name: string }>({ url: `${server.url}/api/v2/pokemon/25` });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: 25, name: 'pikachu' });
    expect(result.headers['content-type']).toMatch(/application\/json/);
    expect(Object.keys(result.headers).every((name) => name === name.toLowerCase())).toBe(true);
    const { queuedAt, startedAt, firstByteAt, endedAt, attempts, waitedMs } = result.timings;
    expect(queuedAt).toBeLessThanOrEqual(startedAt);
    expect(firstByteAt).toBeDefined();
    expect(startedAt).toBeLessThanOrEqual(firstByteAt ?? Number.NaN);
    expect(firstByteAt).toBeLessThanOrEqual(endedAt);
    expect(Math.abs(endedAt - Date.now())).toBeLessThan(1000);
    expect({ attempts, waitedMs }).toEqual({ attempts: 1, waitedMs: 0 });
  });

  it('returns text bodies as strings', () => {
    expect(requestSync({ url: `${server.url}/text` }).body).toBe('hello from fixture');
  });

  it('sends json bodies and headers', () => {
    const result = requestSync<{ method: string; body: string; headers: Record<string, string> }>({
      url: `${server.url}/echo`,
      method: 'POST',
      json: { hello: 'world' },
      headers: { 'x-trace': 'abc' },
    });

    expect(result.body.method).toBe('POST');
    expect(JSON.parse(result.body.body)).toEqual({ hello: 'world' });
    expect(result.body.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'abc' });
  });

  it('blocks the calling thread for the whole request', async () => {
    const started = performance.now();
    // Due in 10 ms, this timer can only run once the thread is free again: its lateness is the block.
    const timerRan = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 10));
    const result = requestSync({ url: `${server.url}/text?latency=300` });
    const returnedAt = performance.now();

    expect(result.status).toBe(200);
    expect(returnedAt - started).toBeGreaterThanOrEqual(250);
    expect((await timerRan) - started).toBeGreaterThanOrEqual(250);
  });

  it('returns a body far bigger than a small reply whole, and a small one right after it on the same thread', () => {
    const big = requestSync<{ id: number; padding: string }>({
      url: `${server.url}/api/v2/pokemon/4?bodyBytes=3000000`,
      maxBodyBytes: 4_000_000,
    });
    const small = requestSync<{ id: number; name: string }>({ url: `${server.url}/api/v2/pokemon/5` });

    expect(big.body.id).toBe(4);
    expect(JSON.stringify(big.body)).toHaveLength(3_000_000);
    expect(big.body.padding).toMatch(/^x+$/);
    expect(small.body).toMatchObject({ id: 5, name: 'charmeleon' });
  });

  it('throws HttpError with the status for non-2xx answers', () => {
    const error = catchError(() => requestSync({ url: `${server.url}/api/v2/pokemon/1?status=503` }));

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, method: 'GET' });
  });

  it('throws ResponseBodyError when a JSON body does not parse', () => {
    expect(() => requestSync({ url: `${server.url}/api/v2/pokemon/1?invalidJson=1` })).toThrow(ResponseBodyError);
  });

  it('throws TimeoutError when timeoutMs passes although the caller is blocked', () => {
    const started = performance.now();
    const error = catchError(() => requestSync({ url: `${server.url}/text?latency=5000`, timeoutMs: 100 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('throws NetworkError when the connection is refused', async () => {
    const url = await closedPortUrl();

    const error = catchError(() => requestSync({ url }));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).detail).toMatch(/ECONNREFUSED/);
    // fetch's own error, rebuilt on this side of the worker boundary with the socket error under it.
    expect((error as NetworkError).cause).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
  });

  it('throws NetworkError when the server resets the connection', () => {
    expect(() => requestSync({ url: `${server.url}/api/v2/pokemon/1?resetRate=1` })).toThrow(NetworkError);
  });

  it('throws AbortError without sending anything when the signal is already aborted', async () => {
    const before = (await server.stats()).total;
    const controller = new AbortController();
    controller.abort(new Error('user left'));

    const error = catchError(() => requestSync({ url: `${server.url}/api/v2/pokemon/1`, signal: controller.signal }));

    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ reason: 'user left', cause: controller.signal.reason });
    expect((await server.stats()).total).toBe(before);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A URL on a port that was free a moment ago, so connecting is refused. */
async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return `http://127.0.0.1:${port}/`;
}

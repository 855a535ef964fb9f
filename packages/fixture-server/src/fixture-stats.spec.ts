import { once } from 'node:events';
import { startFixtureServer, type FixtureServer, type RequestEndEvent, type RequestStartEvent } from './index';

describe('fixture stats and lifecycle', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await startFixtureServer();
  });
  afterEach(() => server.close());

  it('counts requests by path, completed and in flight', async () => {
    await (await fetch(`${server.url}/api/v2/pokemon/1`)).text();
    await (await fetch(`${server.url}/api/v2/pokemon/1?latency=1`)).text();
    await (await fetch(`${server.url}/text`)).text();
    const stats = server.stats();
    expect(stats).toMatchObject({ total: 3, inFlight: 0, completed: 3, clientAborted: 0, maxInFlight: 1 });
    expect(stats.byPath).toEqual({ '/api/v2/pokemon/1': 2, '/text': 1 });
    expect(stats.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/v2/pokemon/1', 200],
      ['GET', '/api/v2/pokemon/1', 200],
      ['GET', '/text', 200],
    ]);
    for (const r of stats.requests) expect(r.endedAt).toBeGreaterThanOrEqual(r.startedAt);
    expect(stats.requests[0].startedAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sees 10 concurrent requests in flight at once', async () => {
    const responses = Array.from({ length: 10 }, (_, i) =>
      fetch(`${server.url}/api/v2/pokemon/${i + 1}?latency=300`).then((res) => res.json()),
    );
    await server.waitForRequests(10);
    expect(server.stats().inFlight).toBe(10);
    await Promise.all(responses);
    expect(server.stats()).toMatchObject({ total: 10, maxInFlight: 10, inFlight: 0, completed: 10 });
  });

  it('cancels latency when the client aborts, and counts it in clientAborted', async () => {
    const controller = new AbortController();
    const ended = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
    const request = fetch(`${server.url}/api/v2/pokemon/1?latency=10000`, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    await expect(request).rejects.toThrow();

    const [event] = await ended;
    expect(event).toMatchObject({ path: '/api/v2/pokemon/1', aborted: true, status: undefined });
    expect(server.stats()).toMatchObject({ total: 1, inFlight: 0, completed: 0, clientAborted: 1 });
    expect(server.stats().requests[0]).toMatchObject({ aborted: true });
  });

  it('emits request-start and request-end with ids and timestamps', async () => {
    const starts: RequestStartEvent[] = [];
    server.events.on('request-start', (e: RequestStartEvent) => starts.push(e));
    const ended = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
    await (await fetch(`${server.url}/text`)).text();
    const [end] = await ended;
    expect(starts).toEqual([{ id: end.id, method: 'GET', path: '/text', startedAt: expect.any(Number) }]);
    expect(end).toMatchObject({ path: '/text', status: 200, aborted: false });
    expect(end.endedAt).toBeGreaterThanOrEqual(starts[0].startedAt);
  });

  it('records a deliberate reset as reset, not as a client abort', async () => {
    const ended = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
    await expect(fetch(`${server.url}/text?resetRate=1`)).rejects.toThrow('fetch failed');
    expect((await ended)[0]).toMatchObject({ reset: true, aborted: false });
    expect(server.stats()).toMatchObject({ total: 1, completed: 0, clientAborted: 0, inFlight: 0 });
  });

  it('waitForRequests resolves at once when enough requests already started, and honours abort', async () => {
    await expect(server.waitForRequests(0)).resolves.toBeUndefined();
    const controller = new AbortController();
    const waiting = server.waitForRequests(5, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
  });

  it('rejects pending waiters when the server closes', async () => {
    const waiting = server.waitForRequests(1);
    await server.close();
    await expect(waiting).rejects.toThrow('closed');
  });

  it('resetStats and POST /__reset start counting afresh; /__stats is not counted', async () => {
    await (await fetch(`${server.url}/text`)).text();
    server.resetStats();
    expect(server.stats()).toMatchObject({ total: 0, completed: 0, byPath: {}, requests: [] });

    await (await fetch(`${server.url}/text`)).text();
    const viaHttp = (await (await fetch(`${server.url}/__stats`)).json()) as { total: number; byPath: object };
    expect(viaHttp).toMatchObject({ total: 1, byPath: { '/text': 1 } });

    expect((await fetch(`${server.url}/__reset`, { method: 'POST' })).status).toBe(200);
    expect(server.stats().total).toBe(0);
    expect((await fetch(`${server.url}/__reset`)).status).toBe(405);
  });

  it('resets failTimes counters with the stats', async () => {
    const url = `${server.url}/text?failTimes=1&key=k`;
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(200);
    server.resetStats();
    expect((await fetch(url)).status).toBe(503);
  });

  it('close() resolves promptly even with idle keep-alive sockets', async () => {
    await (await fetch(`${server.url}/text`)).text();
    const start = performance.now();
    await server.close();
    expect(performance.now() - start).toBeLessThan(1_000);
    await expect(fetch(`${server.url}/text`)).rejects.toThrow('fetch failed');
  });
});

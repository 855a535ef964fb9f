import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { AbortError, ConfigError, createWaitless, HttpError, TimeoutError } from '@waitless/core';
import { startFixtureServer, type FixtureServer, type RequestEndEvent } from '@waitless/fixture-server';
import { WorkerThreadedStrategy } from './worker-threaded-strategy';
import { plugin } from './worker-threaded-plugin';

let server: FixtureServer;
let strategy: WorkerThreadedStrategy;

beforeAll(async () => {
  server = await startFixtureServer();
  strategy = new WorkerThreadedStrategy({ poolSize: 4 });
});

afterAll(async () => {
  await strategy.close();
  await server.close();
});

beforeEach(() => server.resetStats());

describe('WorkerThreadedStrategy', () => {
  it('fetches with requestSync on a worker and resolves the usual FetchResult', async () => {
    const before = performance.timeOrigin + performance.now();
    const result = await strategy.fetch<{ name: string }>({ url: `${server.url}/api/v2/pokemon/1` });

    expect(strategy.name).toBe('worker-threaded');
    expect(result.status).toBe(200);
    expect(result.body.name).toBe('bulbasaur');
    expect(result.timings.queuedAt).toBeGreaterThanOrEqual(before);
    expect(result.timings.queuedAt).toBeLessThanOrEqual(result.timings.startedAt);
  });

  it('runs requests concurrently while the event loop stays free', async () => {
    // Warm all four workers (each starts its own request worker) before measuring.
    await Promise.all([1, 2, 3, 4].map(() => strategy.fetch({ url: `${server.url}/text?latency=50` })));
    server.resetStats();
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    await delay(20);

    await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((id) => strategy.fetch({ url: `${server.url}/api/v2/pokemon/${id}?latency=200` })));
    histogram.disable();

    expect(server.stats().maxInFlight).toBeGreaterThan(1);
    expect(server.stats().maxInFlight).toBeLessThanOrEqual(4);
    // A blocked loop would stall 200 ms per request; what remains is scheduling noise.
    expect(histogram.max / 1e6).toBeLessThan(180);
  });

  it('stops a request in flight when aborted: rejects at once and the server sees the client leave', async () => {
    const controller = new AbortController();
    const ended = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
    const call = strategy.fetch({ url: `${server.url}/api/v2/pokemon/7?latency=10000` }, { signal: controller.signal });
    await server.waitForRequests(1);

    const abortedAt = performance.now();
    controller.abort(new Error('user left'));

    await expect(call).rejects.toThrow(AbortError);
    await expect(call).rejects.toMatchObject({ method: 'GET', url: `${server.url}/api/v2/pokemon/7?latency=10000`, reason: 'user left' });
    expect(performance.now() - abortedAt).toBeLessThan(500);
    await ended;
    expect(server.stats().clientAborted).toBe(1);
  });

  it('passes typed errors through: HttpError and TimeoutError', async () => {
    await expect(strategy.fetch({ url: `${server.url}/api/v2/pokemon/1?status=503` })).rejects.toMatchObject({
      constructor: HttpError,
      status: 503,
    });
    await expect(strategy.fetch({ url: `${server.url}/text?latency=5000`, timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('rejects with AbortError without sending anything when the signal is already aborted', async () => {
    await expect(strategy.fetch({ url: `${server.url}/text` }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.stats().total).toBe(0);
  });
});

describe('worker-threaded plugin', () => {
  it('registers a concurrent worker-threaded strategy built from its options', async () => {
    const waitless = createWaitless({
      inline: { strategies: { 'worker-threaded': { options: { poolSize: 2 } } } },
      env: {},
      strategyPlugins: [plugin],
    });

    expect(waitless.descriptors()).toEqual([
      expect.objectContaining({ name: 'worker-threaded', packageName: '@waitless/strategy-worker-threaded', profile: 'concurrent' }),
    ]);
    // Its pool and the request helper the pool's threads share.
    expect(waitless.threads('worker-threaded')).toBe(3);
    // The runtime hands out the plugin's strategy inside its tracing wrapper.
    const created = waitless.strategy();
    expect(created.name).toBe('worker-threaded');
    await created.close?.();
  });

  it('names the bad option and where it came from', () => {
    const waitless = createWaitless({
      inline: { strategies: { 'worker-threaded': { options: { poolSize: 0 } } } },
      env: {},
      strategyPlugins: [plugin],
    });

    let error: unknown;
    try {
      waitless.strategy('worker-threaded');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/Invalid config in the inline config: "strategies\.worker-threaded\.options\.poolSize"/);
  });
});

import { TimeoutError, type WaitlessRuntime } from '@waitless/core';
import type { StandardDecoratorSettings } from './decorator-settings';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { serverIdle, waitlessWith } from '../../test/waitless-for-tests';
import { failedCallTimings } from '../index';

describe('timeout decorators (from config)', () => {
  let server: FixtureServer;
  const opened: WaitlessRuntime[] = [];
  const strategyWith = (settings: StandardDecoratorSettings) => {
    const waitless = waitlessWith(settings);
    opened.push(waitless);
    return waitless.strategy();
  };
  const url = (query: string) => `${server.url}/api/v2/pokemon/1?${query}`;

  beforeAll(async () => {
    server = await startFixtureServer();
    // Warm the transport: under jest, an abort that lands while the very first request of the process is
    // still being set up was seen not to close it, which would make the next test wait out the latency.
    await strategyWith({}).fetch({ url: `${server.url}/text` });
  });
  afterAll(async () => {
    await Promise.all(opened.map((w) => w.close()));
    await server.close();
  });
  beforeEach(() => server.resetStats());

  it('perAttemptMs fails a slow call with TimeoutError and closes the request', async () => {
    const strategy = strategyWith({ timeout: { perAttemptMs: 100 } });
    const started = Date.now();
    const error = await strategy.fetch({ url: url('latency=5000') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(Date.now() - started).toBeLessThan(1000);
    // On a busy machine the request may not even have reached the server; either way it was never served.
    await serverIdle(server);
    const stats = server.stats();
    expect(stats.completed).toBe(0);
    expect(stats.clientAborted).toBe(stats.total);
  });

  it('perAttemptMs times out each attempt, and retry tries again', async () => {
    const strategy = strategyWith({
      timeout: { perAttemptMs: 80 },
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, jitter: false, methods: ['GET'], statuses: [503], respectRetryAfter: true },
    });
    expect((await strategy.fetch({ url: url('latency=5') })).timings.attempts).toBe(1);
    server.resetStats();
    const error = await strategy.fetch({ url: url('latency=5000') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(failedCallTimings(error).attempts).toBe(3);
    await serverIdle(server);
    expect(server.stats()).toMatchObject({ total: 3, completed: 0, clientAborted: 3 });
  });

  it('totalMs bounds the whole call, retries and backoff included', async () => {
    const strategy = strategyWith({
      timeout: { totalMs: 300 },
      retry: { attempts: 10, baseDelayMs: 50, maxDelayMs: 50, jitter: false, methods: ['GET'], statuses: [503], respectRetryAfter: false },
    });
    const started = Date.now();
    const error = await strategy.fetch({ url: url('status=503&latency=40') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(300);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1500);
    expect(server.stats().total).toBeGreaterThan(1);
    expect(server.stats().total).toBeLessThan(10);
  });
});

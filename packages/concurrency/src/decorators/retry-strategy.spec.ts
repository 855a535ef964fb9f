import { AbortError, HttpError, now, ResponseBodyError, type FetchStrategy, type WaitlessRuntime } from '@waitless/core';
import type { StandardDecoratorSettings } from './decorator-settings';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { waitlessWith } from '../../test/waitless-for-tests';
import { failedCallTimings } from '../index';
import { parseRetryAfter } from './retry-after';

describe('retry decorator (from config)', () => {
  let server: FixtureServer;
  const opened: WaitlessRuntime[] = [];
  const strategyWith = (retry: StandardDecoratorSettings['retry']): FetchStrategy => {
    const waitless = waitlessWith({ retry });
    opened.push(waitless);
    return waitless.strategy();
  };
  const url = (query: string) => `${server.url}/api/v2/pokemon/25?${query}`;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await Promise.all(opened.map((w) => w.close()));
    await server.close();
  });
  beforeEach(() => server.resetStats());

  it('stops at the attempt limit and reports how many attempts were made', async () => {
    const strategy = strategyWith({ attempts: 3, baseDelayMs: 5 });
    const error = await strategy.fetch({ url: url('status=503') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(server.stats().total).toBe(3);
    expect(failedCallTimings(error).attempts).toBe(3);
  });

  it('succeeds once the failures stop, counting every attempt and the backoff in the timings', async () => {
    const strategy = strategyWith({ attempts: 4, baseDelayMs: 20, jitter: false });
    const before = now();
    const result = await strategy.fetch<{ name: string }>({ url: url('failTimes=2&key=recover') });
    expect(result.body.name).toBe('pikachu');
    expect(result.timings.attempts).toBe(3);
    // No jitter: 20 ms then 40 ms of backoff.
    expect(result.timings.waitedMs).toBeGreaterThanOrEqual(55);
    // queuedAt is the caller's call, before all three attempts, not the last attempt's start.
    expect(result.timings.queuedAt).toBeGreaterThanOrEqual(before);
    expect(result.timings.startedAt - result.timings.queuedAt).toBeGreaterThanOrEqual(55);
    expect(result.timings.queuedAt).toBeLessThan(result.timings.startedAt);
    expect(server.stats().total).toBe(3);
  });

  it('honours Retry-After seconds on 503', async () => {
    const strategy = strategyWith({ attempts: 3, baseDelayMs: 1 });
    const result = await strategy.fetch({ url: url('failTimes=1&key=retry-after&retryAfter=1') });
    expect(result.timings.attempts).toBe(2);
    const [first, second] = server.stats().requests;
    expect(second.startedAt - first.startedAt).toBeGreaterThanOrEqual(900);
    expect(second.startedAt - first.startedAt).toBeLessThan(3000);
  });

  it('gives up at once when Retry-After asks for longer than maxDelayMs', async () => {
    const strategy = strategyWith({ attempts: 3, maxDelayMs: 500 });
    const started = Date.now();
    await expect(strategy.fetch({ url: url('status=429&retryAfter=30') })).rejects.toThrow(HttpError);
    expect(Date.now() - started).toBeLessThan(400);
    expect(server.stats().total).toBe(1);
  });

  it('does not retry a non-idempotent POST', async () => {
    const strategy = strategyWith({ attempts: 5, baseDelayMs: 1 });
    await expect(strategy.fetch({ url: `${server.url}/echo?status=503`, method: 'POST', json: { order: 1 } })).rejects.toThrow(HttpError);
    expect(server.stats().total).toBe(1);
  });

  it('does not retry statuses outside the list, or a broken body', async () => {
    const strategy = strategyWith({ attempts: 5, baseDelayMs: 1 });
    await expect(strategy.fetch({ url: url('status=404') })).rejects.toThrow(HttpError);
    await expect(strategy.fetch({ url: url('invalidJson=1') })).rejects.toThrow(ResponseBodyError);
    expect(server.stats().total).toBe(2);
  });

  it('ends a backoff wait the moment the caller aborts, and never retries the AbortError', async () => {
    const strategy = strategyWith({ attempts: 5, baseDelayMs: 10_000, jitter: false });
    const controller = new AbortController();
    const call = strategy.fetch({ url: url('status=503'), signal: controller.signal });
    await server.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    await expect(call).rejects.toThrow(AbortError);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(server.stats().total).toBe(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'Retry-After': '1.5' })).toBe(1500);
    const nowMs = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:28:03 GMT' }, nowMs)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }, nowMs)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });
});

import {
  fetchChannel,
  isHttpError,
  now,
  retryChannel,
  type FetchTraceContext,
  type RetryEvent,
  type WaitlessRuntime,
} from '@waitless/core';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { RETRY_ONCE, STRATEGY_NAMES, waitlessOn } from '../test/waitless-on';

// Core's channel, observed by a plain subscriber, on every strategy: the blocking ones publish from this thread too.
// The server runs in a child process, because blocking-sync blocks this thread on purpose.

// Timings taken on a worker thread and on this one come from two clocks (timeOrigin + performance.now()) that may
// disagree by a fraction of a millisecond; 1 ms is ordering slack, not a speed claim.
const CLOCK_SLACK_MS = 1;

interface Seen {
  event: string;
  call: FetchTraceContext;
  at: number;
}

let server: FixtureServerProcess;
const seen: Seen[] = [];
const retries: RetryEvent[] = [];
const on = (event: string) => (call: FetchTraceContext) => seen.push({ event, call, at: now() });
const handlers = { start: on('start'), end: on('end'), asyncStart: on('asyncStart'), asyncEnd: on('asyncEnd'), error: on('error') };
const onRetry = (message: unknown): number => retries.push(message as RetryEvent);

beforeAll(async () => {
  server = await startFixtureServerProcess();
  fetchChannel.subscribe(handlers);
  retryChannel.subscribe(onRetry);
});
afterAll(async () => {
  fetchChannel.unsubscribe(handlers);
  retryChannel.unsubscribe(onRetry);
  await server?.close();
});
beforeEach(() => {
  seen.length = 0;
  retries.length = 0;
});

describe.each(STRATEGY_NAMES)('waitless:fetch on %s', (name) => {
  let waitless: WaitlessRuntime;
  beforeAll(() => (waitless = waitlessOn(name, RETRY_ONCE)));
  afterAll(() => waitless?.close());

  it('publishes start, end and asyncEnd with the result’s timings, inside the start-to-end window', async () => {
    const result = await waitless.strategy().fetch({ url: `${server.url}/api/v2/pokemon/25` });
    expect(seen.map((s) => s.event)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
    const [start, , , asyncEnd] = seen;
    expect(seen.every((s) => s.call === start.call)).toBe(true);
    expect(start.call).toMatchObject({ strategy: name, method: 'GET', url: `${server.url}/api/v2/pokemon/25` });
    expect(asyncEnd.call).toMatchObject({ status: 200, attempts: 1, waitedMs: result.timings.waitedMs, timings: result.timings });
    const { queuedAt, startedAt, endedAt } = result.timings;
    expect(queuedAt).toBeGreaterThanOrEqual(start.at - CLOCK_SLACK_MS);
    expect(startedAt).toBeGreaterThanOrEqual(queuedAt);
    expect(endedAt).toBeGreaterThanOrEqual(startedAt);
    expect(endedAt).toBeLessThanOrEqual(asyncEnd.at + CLOCK_SLACK_MS);
  });

  it('publishes error with the status and attempts of a call that failed after a retry, and the retry names the call', async () => {
    const error = await waitless
      .strategy()
      .fetch({ url: `${server.url}/api/v2/pokemon/25?status=503` })
      .catch((e: unknown) => e);
    expect(isHttpError(error)).toBe(true);
    expect(seen.map((s) => s.event)).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
    const call = seen[0].call;
    expect(call).toMatchObject({ strategy: name, status: 503, attempts: 2, error });
    // The 1 ms backoff was spent (a 1 ms timer may fire after a little less than 1 ms of high-resolution time).
    expect(call.waitedMs).toBeGreaterThan(0);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ call, strategy: name, method: 'GET', attempt: 1, delayMs: 1 });
    expect(isHttpError(retries[0].error) && retries[0].error.status).toBe(503);
  });
});

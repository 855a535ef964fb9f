import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import type { FetchStrategy, WaitlessRuntime } from '@waitless/core';
import { fetchRandomNames, isConcurrentMode, WORKLOAD_MODES, type FetchedName } from './name-workload';
import { MAX_COUNT } from './option-parsers';
import { RequestTally } from './request-tally';
import { loadWaitless } from './runtime';

// Issue 13, defect 5: large counts stream. Every mode gets the CLI's maximum count and a count no array can
// hold (2^32, which throws "Invalid array length" if anything builds the workload up front), and is stopped
// after a few names. Each request is made as its index is pulled, so the requests the run started (the tally)
// and the ones the server saw show how far the workload was pulled: the settled names plus those in flight.
const STOP_AFTER = 6;
const CONCURRENCY = 4;
const CASES = WORKLOAD_MODES.flatMap((mode) => [MAX_COUNT, 2 ** 32].map((count) => [mode, count] as const));

describe('fetchRandomNames with a huge count', () => {
  let server: FixtureServer;
  let waitless: WaitlessRuntime;
  let strategy: FetchStrategy;

  // The strategy the CLI runs by default, loaded the way the CLI loads it.
  beforeAll(async () => {
    waitless = loadWaitless({ strategy: 'native-async' });
    strategy = await waitless.ready('native-async');
  });
  afterAll(() => waitless.close());
  // A server per case: requests the previous case aborted can still reach a shared one after its reset.
  beforeEach(async () => {
    server = await startFixtureServer({ latencyMs: 20 });
  });
  afterEach(() => server.close());

  it.each(CASES)('%s, count %d: pulls only the settled names plus those in flight', async (mode, count) => {
    const stop = new AbortController();
    const tally = new RequestTally();
    const arrived: FetchedName[] = [];
    const kept = await fetchRandomNames({
      strategy,
      baseUrl: server.url,
      count,
      mode,
      concurrency: CONCURRENCY,
      signal: stop.signal,
      tally,
      onName: (fetched) => arrived.push(fetched),
      onSettled: () => {
        if (tally.ok + tally.failed === STOP_AFTER) stop.abort(new Error('enough names'));
      },
    });

    const inFlight = isConcurrentMode(mode) ? CONCURRENCY : 1;
    const started = tally.ok + tally.failed + tally.aborted;
    expect(tally.failed).toBe(0);
    expect(tally.ok).toBeGreaterThanOrEqual(STOP_AFTER);
    // When the last wanted name settled it was itself still one of the calls in flight, so at most
    // inFlight - 1 others had started; the abort stopped any more.
    expect(started).toBeLessThanOrEqual(STOP_AFTER + inFlight - 1);
    // The server saw nothing the tally does not account for, and every name it served arrived.
    expect(server.stats().total).toBeLessThanOrEqual(started);
    expect(server.stats().total).toBeGreaterThanOrEqual(tally.ok);
    expect(arrived).toHaveLength(tally.ok);
    // Each name is a distinct index among those pulled; the one-at-a-time modes pull them in order.
    const indexes = arrived.map((fetched) => fetched.index);
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(Math.max(...indexes)).toBeLessThan(started);
    if (!isConcurrentMode(mode)) expect(indexes).toEqual([0, 1, 2, 3, 4, 5]);
    // Only gather keeps the names (to hand them back in input order); the streaming modes keep none.
    expect(kept).toHaveLength(mode === 'gather' ? tally.ok : 0);
  });
});

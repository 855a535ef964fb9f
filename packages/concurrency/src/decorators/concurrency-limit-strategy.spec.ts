import { AbortError, type WaitlessRuntime } from '@waitless/core';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { gather } from '../combinators/gather';
import { waitlessWith } from '../../test/waitless-for-tests';

describe('concurrency-limit decorator (from config)', () => {
  let server: FixtureServer;
  let waitless: WaitlessRuntime;

  beforeAll(async () => {
    server = await startFixtureServer();
    waitless = waitlessWith({ concurrencyLimit: { maxInFlight: 3 } });
  });
  afterAll(async () => {
    await waitless.close();
    await server.close();
  });
  beforeEach(() => server.resetStats());

  it('holds at most maxInFlight requests however many callers there are, and reports queue time', async () => {
    const strategy = waitless.strategy();
    const results = await gather(
      Array.from(
        { length: 15 },
        (_, i) => (signal: AbortSignal) => strategy.fetch({ url: `${server.url}/api/v2/pokemon/${i + 1}?latency=40`, signal }),
      ),
      { concurrency: Infinity },
    );
    expect(server.stats().maxInFlight).toBe(3);
    const waited = results.map((r) => r.timings.waitedMs);
    expect(Math.min(...waited)).toBeLessThan(20);
    expect(Math.max(...waited)).toBeGreaterThanOrEqual(4 * 40 * 0.8);
    for (const { timings } of results) expect(timings.queuedAt).toBeLessThanOrEqual(timings.startedAt - timings.waitedMs + 1);
  });

  it('serves the queue FIFO and lets a queued caller abort', async () => {
    const strategy = waitless.strategy();
    const holders = Array.from({ length: 3 }, () => strategy.fetch({ url: `${server.url}/text?latency=150` }));
    await server.waitForRequests(3);
    const controller = new AbortController();
    const queued = strategy.fetch({ url: `${server.url}/text?queued=1`, signal: controller.signal });
    const order: string[] = [];
    const next = strategy.fetch({ url: `${server.url}/echo?second=1` }).then(() => order.push('next'));
    controller.abort();
    await expect(queued).rejects.toThrow(AbortError);
    await Promise.all([...holders, next]);
    expect(order).toEqual(['next']);
    // The aborted caller never reached the server; the one behind it did.
    expect(server.stats().total).toBe(4);
    expect(server.stats().byPath['/echo']).toBe(1);
  });
});

import { fetchChannel, queueWaitChannel, rateLimitWaitChannel, type FetchTraceContext, type GateWaitEvent } from '@waitless/core/plugin';
import { useFixtureAndStrategy } from '../../test/waitless-for-tests';

/** Subscribes for one test to a wait channel and (so events can name their call) to waitless:fetch. */
function recordWaits(channel: typeof rateLimitWaitChannel): { waits: GateWaitEvent[]; calls: FetchTraceContext[]; stop(): void } {
  const waits: GateWaitEvent[] = [];
  const calls: FetchTraceContext[] = [];
  const onWait = (message: unknown): number => waits.push(message as GateWaitEvent);
  const ignore = (): void => undefined;
  const handlers = {
    start: (call: FetchTraceContext) => void calls.push(call),
    end: ignore,
    asyncStart: ignore,
    asyncEnd: ignore,
    error: ignore,
  };
  channel.subscribe(onWait);
  fetchChannel.subscribe(handlers);
  return {
    waits,
    calls,
    stop() {
      channel.unsubscribe(onWait);
      fetchChannel.unsubscribe(handlers);
    },
  };
}

describe('waitless:rate-limit-wait', () => {
  const env = useFixtureAndStrategy({ rateLimit: { requests: 1, intervalMs: 200 } });

  it('publishes each call’s wait for the rate limiter, naming its call; the second waited for the window', async () => {
    const recorder = recordWaits(rateLimitWaitChannel);
    try {
      const urls = [1, 2].map((id) => `${env.server.url}/api/v2/pokemon/${id}`);
      const results = await Promise.all(urls.map((url) => env.strategy.fetch({ url })));
      expect(recorder.waits).toHaveLength(2);
      for (const [i, wait] of recorder.waits.entries()) {
        expect(wait).toMatchObject({ strategy: 'native-async', method: 'GET', url: urls[i], call: recorder.calls[i] });
      }
      const [first, second] = recorder.waits.map((wait) => wait.waitedMs);
      expect(second).toBeGreaterThan(first);
      // The event's wait is the one the result reports.
      expect(results[1].timings.waitedMs).toBeCloseTo(second, 6);
    } finally {
      recorder.stop();
    }
  });
});

describe('waitless:queue-wait', () => {
  const env = useFixtureAndStrategy({ concurrencyLimit: { maxInFlight: 1 } });

  it('publishes each call’s wait for a concurrency-limit slot', async () => {
    const recorder = recordWaits(queueWaitChannel);
    try {
      await Promise.all([1, 2, 3].map((id) => env.strategy.fetch({ url: `${env.server.url}/api/v2/pokemon/${id}?latency=20` })));
      expect(recorder.waits.map((wait) => wait.call)).toEqual(recorder.calls);
      const waited = recorder.waits.map((wait) => wait.waitedMs);
      // FIFO with one slot: each later caller waited longer than the one before it.
      expect([...waited].sort((a, b) => a - b)).toEqual(waited);
      expect(waited[2]).toBeGreaterThan(waited[0]);
    } finally {
      recorder.stop();
    }
  });
});

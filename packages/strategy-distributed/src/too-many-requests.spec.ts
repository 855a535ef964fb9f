import { once } from 'node:events';
import type { RequestEndEvent } from '@waitless/fixture-server';
import { testConfig } from '../test/test-config';
import { useTestCluster } from '../test/use-test-cluster';

describe('a 429 answer', () => {
  const cluster = useTestCluster();

  it('makes every worker of the queue wait out its Retry-After, then the job runs again', async () => {
    const { redis, server } = cluster;
    const config = testConfig(redis.socket, { queue: 'too-many' });
    const workers = await cluster.startWorkers(config, [5, 5]);
    const strategy = await cluster.connect(config);
    const limitedEnd = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
    const limited = strategy.fetch<{ id: number }>({
      url: `${server.url}/api/v2/pokemon/1?failTimes=1&key=once&errorStatus=429&retryAfter=1`,
    });
    const [tooMany] = await limitedEnd;
    expect(tooMany.status).toBe(429);
    await Promise.race(workers.map((worker) => worker.waitFor((line) => line.outcome === 'rate-limited')));

    const others = [2, 3, 4, 5].map((id) => strategy.fetch<{ id: number }>({ url: `${server.url}/api/v2/pokemon/${id}` }));
    const results = await Promise.all([limited, ...others]);

    expect(results.map((result) => result.body.id)).toEqual([1, 2, 3, 4, 5]);
    const after = (await server.stats()).requests.filter((request) => request.id !== tooMany.id);
    expect(after).toHaveLength(5);
    // Timestamps from the server's one clock: the pause was set after the 429 had ended there, so nothing can
    // start, on either worker, within the second it asked for.
    expect(Math.min(...after.map((request) => request.startedAt)) - tooMany.endedAt).toBeGreaterThanOrEqual(1000);
  });
});

import { isWaitlessError, type FetchResult } from '@waitless/core';
import { FAST_RECOVERY, testConfig } from '../test/test-config';
import { useTestCluster } from '../test/use-test-cluster';

const CALLS = 1000;

describe('Redis killed and restarted (AOF, fsync every second)', () => {
  const cluster = useTestCluster({ persistence: 'aof' });

  it(`settles every one of ${CALLS} calls, ok or with a typed error, and the counts add up`, async () => {
    const { redis, server } = cluster;
    const config = testConfig(redis.socket, { queue: 'restart', ...FAST_RECOVERY });
    await cluster.startWorkers(config, [50]);
    const strategy = await cluster.connect(config);
    const outcomes = Array.from({ length: CALLS }, (_, i) =>
      strategy.fetch<{ id: number }>({ url: `${server.url}/api/v2/pokemon/${i + 1}?latency=20`, timeoutMs: 30_000 }).then(
        (result): FetchResult<{ id: number }> | Error => result,
        (error: Error) => error,
      ),
    );
    await server.waitForRequests(CALLS / 4);
    await redis.restart();
    const settled = await Promise.all(outcomes);

    const ok = settled.filter((outcome) => !(outcome instanceof Error));
    const failed = settled.filter((outcome): outcome is Error => outcome instanceof Error);
    expect(ok.length + failed.length).toBe(CALLS);
    expect(failed.filter((error) => !isWaitlessError(error))).toEqual([]);
    expect(strategy.pendingCount()).toBe(0);
    // Every ok call reached the server at least once; jobs whose completion the restart lost ran twice.
    expect((await server.stats()).total).toBeGreaterThanOrEqual(ok.length);
  });
});

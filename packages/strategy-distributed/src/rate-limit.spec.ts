import { testConfig } from '../test/test-config';
import { useTestCluster } from '../test/use-test-cluster';

const MAX = 4;
const DURATION_MS = 3000;
// BullMQ counts jobs in fixed windows of Redis time; a request reaches the server some milliseconds after its
// job starts, so bursts are compared over half a window: without the limit, all calls arrive within a few ms.
const OBSERVED_WINDOW_MS = DURATION_MS / 2;

/** The most requests that started within any span of `windowMs`, over sorted start times. */
function busiestWindow(startTimes: number[], windowMs: number): number {
  let busiest = 0;
  for (let first = 0, last = 0; last < startTimes.length; last++) {
    while (startTimes[last] - startTimes[first] >= windowMs) first++;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

describe('the rate limit shared by every worker', () => {
  const cluster = useTestCluster();

  it(`lets the server see at most ${MAX} requests at a time, ${DURATION_MS} ms apart, from two worker processes together`, async () => {
    const { redis, server } = cluster;
    const config = testConfig(redis.socket, { queue: 'limited', rateLimit: { max: MAX, durationMs: DURATION_MS } });
    const workers = await cluster.startWorkers(config, [10, 10]);
    const strategy = await cluster.connect(config);
    const ids = Array.from({ length: 2 * MAX }, (_, i) => i + 1);

    await Promise.all(ids.map((id) => strategy.fetch({ url: `${server.url}/api/v2/pokemon/${id}` })));

    const startTimes = (await server.stats()).requests.map((request) => request.startedAt).sort((a, b) => a - b);
    expect(startTimes).toHaveLength(ids.length);
    expect(busiestWindow(startTimes, OBSERVED_WINDOW_MS)).toBe(MAX);
    // Both processes took part: the limit held across them, not inside one.
    const ran = workers.map((worker) => worker.lines.filter((line) => line.type === 'done').length);
    expect(ran.every((count) => count > 0)).toBe(true);
  });
});

import { FAST_RECOVERY, testConfig } from '../test/test-config';
import { useTestCluster } from '../test/use-test-cluster';

// BullMQ promises at-least-once: a job whose worker dies is run again by another one once its lock
// expires. The caller still gets exactly one result; the server sees the request twice.
describe('a worker killed with SIGKILL in the middle of its jobs', () => {
  const cluster = useTestCluster();

  it('has its jobs finished by another worker: one result per call, the repeated requests visible at the server', async () => {
    const { redis, server } = cluster;
    const config = testConfig(redis.socket, { queue: 'crash', ...FAST_RECOVERY });
    const workers = await cluster.startWorkers(config, [5, 5]);
    const [victim, survivor] = workers;
    const strategy = await cluster.connect(config);
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    const calls = ids.map((id) => strategy.fetch<{ id: number }>({ url: `${server.url}/api/v2/pokemon/${id}?latency=1500` }));
    // Both workers are full (5 + 5): half of the requests are in flight on the victim.
    await server.waitForRequests(ids.length);
    await victim.waitFor(() => victim.lines.filter((line) => line.type === 'active').length === 5);
    const victimJobs = victim.lines.filter((line) => line.type === 'active').map((line) => line.jobId);
    expect(victimJobs).toHaveLength(5);

    await victim.kill('SIGKILL');
    const results = await Promise.all(calls);

    expect(results.map((result) => result.body.id)).toEqual(ids);
    expect(strategy.pendingCount()).toBe(0);
    // Each job finished exactly once, the victim's on the survivor.
    // The caller can hear of the last result before the survivor's own report of it arrives here.
    await survivor.waitFor(() => survivor.lines.filter((line) => line.type === 'done').length === ids.length);
    const finished = survivor.lines.filter((line) => line.type === 'done');
    expect(finished.map((line) => line.outcome)).toEqual(Array(ids.length).fill('ok'));
    expect(new Set(finished.map((line) => line.jobId)).size).toBe(ids.length);
    expect(victimJobs.every((jobId) => finished.some((line) => line.jobId === jobId))).toBe(true);
    // At-least-once, seen from the server: the victim's 5 requests were cut off and sent again. (At least:
    // a survivor starved of CPU for longer than its lock can lose a job too, and that one also runs twice.)
    const stats = await server.stats();
    expect(stats.clientAborted).toBeGreaterThanOrEqual(5);
    expect(Object.values(stats.byPath).filter((count) => count >= 2).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(stats.byPath)).toHaveLength(ids.length);
  });
});

import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { runScenario } from '../run-scenario';
import { LIBRARY_PEERS, type ThroughputMeasurement } from '../scenario-protocol';

// Each library peer through the throughput child, checked by what the server saw, not by speed.
describe('library peers in the throughput scenario', () => {
  let fixture: FixtureServerProcess;

  beforeAll(async () => {
    fixture = await startFixtureServerProcess();
  });

  afterAll(() => fixture.close());

  it.each(LIBRARY_PEERS)('%s makes every request, at most c at a time, and reports its CPU time', async (client) => {
    await fixture.resetStats();
    const result = (await runScenario('throughput', {
      url: fixture.url,
      client,
      requests: 30,
      concurrencies: [4],
      poolSize: 1,
      warmupRequests: 5,
    })) as ThroughputMeasurement;
    const stats = await fixture.stats();

    expect(result.runs).toEqual([expect.objectContaining({ concurrency: 4, requests: 30, cpuMs: expect.any(Number) })]);
    expect(result.runs[0].cpuMs).toBeGreaterThan(0);
    expect(stats).toMatchObject({ total: 35, completed: 35 });
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
  });
});

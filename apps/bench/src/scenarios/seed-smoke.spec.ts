import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { benchPlan } from '../bench-plan';
import { buildReport } from '../bench-report';
import { runScenario } from '../run-scenario';
import type { SeedMeasurement } from '../scenario-protocol';

// End to end through the real machinery: the fixture server and the scenario each in their own process.
describe('seed scenario in a child process', () => {
  let fixture: FixtureServerProcess;

  beforeAll(async () => {
    fixture = await startFixtureServerProcess();
  });

  afterAll(() => fixture.close());

  it('measures 4 requests × 200 ms on native-async and prints one JSON result the report accepts', async () => {
    const args = { url: fixture.url, requests: 4, latencyMs: 200, repetitions: 2, poolSize: 4 };
    await fixture.resetStats();
    const sequential = (await runScenario('seed', { ...args, client: 'native-async', mode: 'sequential' })) as SeedMeasurement;
    const sequentialStats = await fixture.stats();
    await fixture.resetStats();
    const concurrent = (await runScenario('seed', { ...args, client: 'native-async', mode: 'concurrent' })) as SeedMeasurement;
    const concurrentStats = await fixture.stats();

    expect(concurrent).toEqual({
      client: 'native-async',
      mode: 'concurrent',
      runsMs: [expect.any(Number), expect.any(Number)],
      warmupMs: expect.any(Number),
    });
    // Broad bounds only: each run waits at least the server's latency; sequential waits for all four.
    expect(Math.min(...concurrent.runsMs)).toBeGreaterThanOrEqual(199);
    expect(Math.min(...sequential.runsMs)).toBeGreaterThanOrEqual(4 * 199);
    // What the modes guarantee, seen by the server whatever the machine's load: one at a time, or all four at once.
    expect(sequentialStats.maxInFlight).toBe(1);
    expect(concurrentStats.maxInFlight).toBe(4);

    const report = buildReport(
      benchPlan(true),
      { seed: { sequential, concurrent: [concurrent] }, skipped: [], failures: [] },
      { date: '', quick: true, node: '', cores: 2, cpu: '', loadAverage: [], durationMs: 0, versions: {} },
    );
    expect(report.seed?.results.map((r) => r.name)).toEqual(['sequential native-async', 'native-async']);
    expect(report.seed?.results[1].speedup).toBeGreaterThan(0);
  });
});

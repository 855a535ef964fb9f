import { benchPlan } from '../bench-plan';
import { buildReport } from '../bench-report';
import { startFixtureProcess, type FixtureProcess } from '../fixture-process';
import { runScenario } from '../run-scenario';
import type { SeedMeasurement } from '../scenario-protocol';

// End to end through the real machinery: the fixture server and the scenario each in their own process.
describe('seed scenario in a child process', () => {
  let fixture: FixtureProcess;

  beforeAll(async () => {
    fixture = await startFixtureProcess();
  });

  afterAll(() => fixture.close());

  it('measures 4 requests × 20 ms on native-async and prints one JSON result the report accepts', async () => {
    const args = { url: fixture.url, requests: 4, latencyMs: 20, repetitions: 2, poolSize: 4 };
    const sequential = (await runScenario('seed', { ...args, client: 'native-async', mode: 'sequential' })) as SeedMeasurement;
    const concurrent = (await runScenario('seed', { ...args, client: 'native-async', mode: 'concurrent' })) as SeedMeasurement;

    expect(concurrent).toEqual({ client: 'native-async', mode: 'concurrent', runsMs: [expect.any(Number), expect.any(Number)], warmupMs: expect.any(Number) });
    // Broad bounds only: each run waits at least the server's latency; sequential waits for all four.
    expect(Math.min(...concurrent.runsMs)).toBeGreaterThanOrEqual(19);
    expect(Math.min(...sequential.runsMs)).toBeGreaterThanOrEqual(4 * 19);

    const report = buildReport(benchPlan(true), { seed: { sequential, concurrent: [concurrent] }, skipped: [], failures: [] }, { date: '', quick: true, node: '', cores: 2, cpu: '', loadAverage: [], durationMs: 0 });
    expect(report.seed?.results.map((r) => r.name)).toEqual(['sequential native-async', 'native-async']);
    expect(report.seed?.results[1].speedup).toBeGreaterThan(1.5);
  });
});

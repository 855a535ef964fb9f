import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { sampleColdStart } from './run-cold-start';
import type { ColdStartSample } from './scenario-protocol';

// A real fresh `node` process on the built packages (the test target builds them first).
describe('sampleColdStart', () => {
  let fixture: FixtureServerProcess;

  beforeAll(async () => {
    fixture = await startFixtureServerProcess();
  });

  afterAll(() => fixture.close());

  it('times a fresh process to its first result, the end of its gather and its exit', async () => {
    await fixture.resetStats();
    const sample = (await sampleColdStart({
      url: fixture.url,
      strategy: 'native-async',
      plugin: '@waitless/strategy-native-async',
      requests: 4,
      latencyMs: 200,
      poolSize: 4,
    })) as ColdStartSample;
    const stats = await fixture.stats();

    expect(sample.firstResultMs).toBeGreaterThanOrEqual(199);
    expect(sample.gatherMs).toBeGreaterThanOrEqual(sample.firstResultMs ?? Infinity);
    expect(sample.exitMs).toBeGreaterThanOrEqual(sample.gatherMs ?? Infinity);
    // What the child did, as the server saw it: four requests, all in flight at once (gather).
    expect(stats).toMatchObject({ total: 4, completed: 4, maxInFlight: 4 });
  });

  it('times an empty process as the floor, with no results', async () => {
    const floor = (await sampleColdStart(null)) as ColdStartSample;
    expect(floor).toEqual({ firstResultMs: null, gatherMs: null, exitMs: expect.any(Number) });
  });
});

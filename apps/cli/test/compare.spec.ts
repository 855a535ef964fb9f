import { parseStrategyNames, runCli } from './run-cli';

interface CompareJson {
  count: number;
  latencyMs: number;
  results: { strategy: string; mode: string; wallMs: number; speedup: number; maxLoopLagMs: number; ok: number; failed: number }[];
}

describe('waitless compare --json', () => {
  let registered: string[];
  let report: CompareJson;
  let stdout: string;

  beforeAll(async () => {
    registered = parseStrategyNames((await runCli(['strategies'])).stdout);
    ({ stdout } = await runCli(['compare', '--count', '20', '--latency', '100', '--json']));
    report = JSON.parse(stdout) as CompareJson;
  }, 90_000);

  it('prints exactly one JSON object covering every registered strategy', () => {
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(report).toMatchObject({ count: 20, latencyMs: 100 });
    expect(registered).toEqual(expect.arrayContaining(['native-async', 'worker-threaded', 'blocking-sync']));
    const gathered = report.results.filter((r) => r.mode === 'gather').map((r) => r.strategy);
    expect(gathered.sort()).toEqual([...registered].sort());
    expect(report.results[0]).toMatchObject({ strategy: 'native-async', mode: 'sequential', speedup: 1 });
  });

  it('shows the concurrent strategies overlapping and blocking-sync not', () => {
    const row = (strategy: string) => {
      const found = report.results.find((r) => r.strategy === strategy && r.mode === 'gather');
      if (!found) throw new Error(`No gather row for ${strategy} in ${JSON.stringify(report)}`);
      return found;
    };
    for (const strategy of ['native-async', 'worker-threaded', 'blocking-sync']) expect(row(strategy)).toMatchObject({ ok: 20, failed: 0 });
    expect(row('native-async').speedup).toBeGreaterThan(5);
    expect(row('worker-threaded').speedup).toBeGreaterThan(5);
    expect(row('blocking-sync').speedup).toBeLessThan(1.5);
    // blocking-sync holds the loop for the whole run; the others leave it (mostly) free.
    expect(row('blocking-sync').maxLoopLagMs).toBeGreaterThan(row('native-async').maxLoopLagMs * 3);
  });
});

import { parseStrategyNames, runCli } from './run-cli';

interface CompareJson {
  count: number;
  latencyMs: number;
  results: {
    strategy: string;
    mode: string;
    poolSize?: number;
    wallMs: number;
    speedup: number;
    maxLoopLagMs: number;
    ok: number;
    failed: number;
  }[];
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

  it('prints exactly one JSON object covering every registered strategy, without why lines', () => {
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).not.toContain('↳');
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

describe('waitless compare: why lines and the thread-pool effect', () => {
  it('runs worker-threaded once per --pool-size with a why line under every row', async () => {
    const { code, stdout } = await runCli(['compare', '--pool-size', '6,20', '--count', '20', '--latency', '100']);
    expect({ code, stdout }).toMatchObject({ code: 0 });
    const rows = stdout.split('\n').filter((line) => /^(native-async|worker-threaded)/.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['native-async', 'sequential'],
      ['worker-threaded (6 threads)', 'gather'],
      ['worker-threaded (20 threads)', 'gather'],
    ]);
    expect(stdout.match(/^ {2}↳ /gm)).toHaveLength(3);
    expect(stdout).toContain('↳ one request at a time: 20 waits add up');
    expect(stdout).toContain('↳ 6 threads for 20 blocking calls: they run in 4 waves');
    expect(stdout).toContain('↳ to_thread: every blocking call waits at once on a worker thread (20 threads ≥ 20 calls)');
  }, 90_000);

  it('reports the pool size in --json; 6 threads need at least 4 latencies for 20 calls', async () => {
    const { code, stdout, stderr } = await runCli(['compare', '--pool-size', '6', '--count', '20', '--latency', '100', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as CompareJson;
    const pooled = report.results.find((r) => r.mode === 'gather');
    expect(pooled).toMatchObject({ strategy: 'worker-threaded', poolSize: 6, ok: 20 });
    // 20 calls on 6 threads go in 4 waves, each at least the 100 ms latency: the effect the demo shows.
    expect(pooled?.wallMs).toBeGreaterThanOrEqual(400);
  }, 90_000);

  it('leaves the why lines out with --quiet', async () => {
    const { code, stdout } = await runCli(['compare', '--strategies', 'native-async', '--count', '3', '--latency', '0', '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^native-async +gather/m);
    expect(stdout).not.toContain('↳');
  });
});

import { benchPlan } from './bench-plan';
import { buildReport, type BenchMeasurements } from './bench-report';
import { formatReport } from './format-report';
import type { ClientName, ColdStartMeasurement, SeedMeasurement, ThroughputMeasurement } from './scenario-protocol';

const META = {
  date: '2026-01-01T00:00:00.000Z',
  quick: false,
  node: 'v20.20.2',
  cores: 2,
  cpu: 'test',
  loadAverage: [0.5, 0.5, 0.5],
  durationMs: 1000,
  versions: { ky: '1.9.1', axios: '1.21.1', got: '14.6.5' },
};

const seed = (client: SeedMeasurement['client'], runsMs: number[], mode: SeedMeasurement['mode'] = 'concurrent'): SeedMeasurement => ({
  client,
  mode,
  runsMs,
  warmupMs: 40,
});
/** 20,000 requests at c=1 and c=64 taking `elapsedMs` each, with `cpuMs` of CPU. */
const throughput = (client: ClientName, elapsedMs: number, cpuMs: number): ThroughputMeasurement => ({
  client,
  runs: [1, 64].map((concurrency) => ({ concurrency, requests: 20_000, elapsedMs, p50Ms: 9.5, p99Ms: 41.3, cpuMs })),
});
const coldStart = (client: ColdStartMeasurement['client'], firsts: Array<number | null>, exitMs: number[]): ColdStartMeasurement => ({
  client,
  requests: 20,
  latencyMs: 100,
  samples: firsts.map((firstResultMs, i) => ({
    firstResultMs,
    gatherMs: firstResultMs === null ? null : firstResultMs + 10,
    exitMs: exitMs[i],
  })),
});

// Shaped like a real full run on this 2-core machine.
const MEASURED: BenchMeasurements = {
  seed: {
    sequential: seed('blocking-sync', [2110, 2101, 2130, 2098, 2105], 'sequential'),
    concurrent: [
      seed('native-async', [112, 109, 131, 110, 111]),
      seed('worker-threaded', [150, 155, 149, 160, 152]),
      seed('fetch', [108, 107, 109, 115, 110]),
      seed('ky', [112, 110, 111, 116, 117]),
    ],
  },
  throughput: [
    throughput('native-async', 5_000, 6_000),
    throughput('fetch', 3_000, 4_000),
    throughput('undici', 1_000, 2_000),
    throughput('undici-pool', 1_250, 1_500),
    throughput('ky', 4_000, 6_400),
    throughput('axios', 2_500, 5_000),
  ],
  coldStart: [
    coldStart('node', [null, null, null], [40, 42, 41]),
    coldStart('native-async', [400, 420, 410], [700, 720, 710]),
    coldStart('worker-threaded', [2000, 2100, 1900], [2300, 2400, 2200]),
  ],
  dispatch: { poolSize: 2, callsPerBatch: 500, toThreadUs: [70, 66, 68], piscinaUs: [60, 62, 61] },
  loopLag: [
    {
      client: 'native-async',
      via: 'gather',
      requests: 1000,
      latencyMs: 200,
      maxMs: 12.34,
      p99Ms: 4.2,
      wallMs: 290.4,
      gcCount: 6,
      gcMaxMs: 9.87,
      gcTotalMs: 30.04,
    },
    {
      client: 'worker-threaded',
      via: 'gather',
      requests: 1000,
      latencyMs: 200,
      maxMs: 25.1,
      p99Ms: 3.1,
      wallMs: 10_100,
      gcCount: 2,
      gcMaxMs: 3,
      gcTotalMs: 5,
    },
  ],
  memory: [
    {
      client: 'native-async',
      items: 1_000_000,
      concurrency: 256,
      rssStartMb: 110,
      peakRssMb: 190.44,
      rssAt10PctMb: 170,
      rssEndMb: 180,
      wallMs: 250_000,
    },
    {
      client: 'undici-pool',
      items: 1_000_000,
      concurrency: 256,
      rssStartMb: 90,
      peakRssMb: 300,
      rssAt10PctMb: 120,
      rssEndMb: 150,
      wallMs: 40_000,
    },
  ],
  skipped: [],
  failures: [],
};

describe('buildReport', () => {
  const report = buildReport(benchPlan(false), MEASURED, META);

  it('produces the documented JSON shape', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json).toMatchObject({
      meta: { versions: { ky: '1.9.1' } },
      seed: {
        sequentialMs: expect.any(Number),
        bestPeer: 'raw fetch',
        results: expect.arrayContaining([
          {
            name: 'native-async',
            wallMs: expect.any(Number),
            speedup: expect.any(Number),
            ratioToBestPeer: expect.any(Number),
            kind: 'waitless',
            via: 'gather',
            runsMs: expect.any(Array),
            warmupMs: 40,
          },
        ]),
      },
      throughput: expect.arrayContaining([
        expect.objectContaining({
          name: 'native-async',
          kind: 'waitless',
          concurrency: 64,
          rps: expect.any(Number),
          p50Ms: expect.any(Number),
          p99Ms: expect.any(Number),
          cpuUsPerRequest: expect.any(Number),
          ratioToBestPeer: expect.any(Number),
          ratioToFetch: expect.any(Number),
        }),
      ]),
      peers: expect.arrayContaining([expect.objectContaining({ concurrency: 64, bestPeer: expect.any(Object) })]),
      cpuPerRequest: expect.arrayContaining([expect.objectContaining({ name: 'axios', concurrency: 64 })]),
      coldStart: { requests: 20, latencyMs: 100, samples: 5, results: expect.any(Array) },
      dispatch: { toThreadUs: expect.any(Number), piscinaUs: expect.any(Number), ratio: expect.any(Number) },
      loopLag: [
        expect.objectContaining({ name: 'native-async', via: 'gather', maxMs: expect.any(Number), gcMaxMs: 9.9 }),
        expect.anything(),
      ],
      memory: [expect.objectContaining({ items: 1_000_000, peakRssMb: expect.any(Number) }), expect.anything()],
    });
  });

  it('computes speedups from medians, with the baseline first at 1×, and compares with the best peer', () => {
    expect(report.seed?.sequentialMs).toBe(2105);
    expect(report.seed?.results.map((r) => [r.name, r.kind, r.wallMs, r.speedup, r.ratioToBestPeer])).toEqual([
      ['sequential blocking-sync', 'baseline', 2105, 1, 0.05],
      ['native-async', 'waitless', 111, 18.96, 0.98],
      ['worker-threaded', 'waitless', 152, 13.85, 0.72],
      ['raw fetch', 'raw', 109, 19.31, 1],
      ['plain ky', 'library', 112, 18.79, 0.97],
    ]);
  });

  it('compares throughput with the best peer, raw fetch and raw undici.request at the same concurrency', () => {
    const row = (name: string) => report.throughput?.find((r) => r.name === name && r.concurrency === 64);
    expect(row('native-async')).toMatchObject({ rps: 4000, ratioToBestPeer: 0.2, ratioToFetch: 0.6, ratioToUndici: 0.2 });
    expect(row('undici-pool')).toMatchObject({ rps: 16_000, ratioToBestPeer: 0.8, ratioToUndici: 0.8 });
    expect(row('raw fetch')?.ratioToFetch).toBe(1);
  });

  it('names the best peer and every strategy ratio per concurrency, and native-async ÷ plain ky', () => {
    expect(report.peers?.find((p) => p.concurrency === 64)).toEqual({
      concurrency: 64,
      bestPeer: { name: 'raw undici.request', rps: 20_000 },
      strategies: [
        { name: 'native-async', rps: 4000, ratioToBestPeer: 0.2 },
        { name: 'undici-pool', rps: 16_000, ratioToBestPeer: 0.8 },
      ],
      fastestStrategy: { name: 'undici-pool', ratioToBestPeer: 0.8 },
      nativeAsyncToKy: 0.8,
    });
  });

  it('divides CPU time by completed requests and compares it with the leanest peer', () => {
    const cpu = Object.fromEntries((report.cpuPerRequest ?? []).map((r) => [r.name, [r.cpuUsPerRequest, r.ratioToLeanestPeer]]));
    expect(cpu).toEqual({
      'native-async': [300, 3],
      'raw fetch': [200, 2],
      'raw undici.request': [100, 1],
      'undici-pool': [75, 0.75],
      'plain ky': [320, 3.2],
      axios: [250, 2.5],
    });
  });

  it('takes cold-start medians per client and their ratios to native-async', () => {
    expect(report.coldStart?.results.map((r) => [r.name, r.firstResultMs, r.gatherMs, r.exitMs, r.firstResultVsNativeAsync])).toEqual([
      ['node (empty script)', null, null, 41, null],
      ['native-async', 410, 420, 710, 1],
      ['worker-threaded', 2000, 2010, 2300, 4.88],
    ]);
    expect(report.coldStart?.results[2].gatherVsNativeAsync).toBe(4.79);
  });

  it('reports dispatch medians and their ratio, and memory flatness per client', () => {
    expect(report.dispatch).toMatchObject({ toThreadUs: 68, piscinaUs: 61, ratio: 1.11 });
    expect(report.memory?.map((m) => [m.name, m.peakRssMb, m.endVs10Pct])).toEqual([
      ['native-async', 190.4, 1.059],
      ['undici-pool', 300, 1.25],
    ]);
  });

  it('checks every target, met or missed, and marks unmeasured ones as not run', () => {
    const met = Object.fromEntries(report.targets.map((t) => [t.id, t.met]));
    expect(met).toEqual({
      'seed-native-async': true,
      'seed-worker-threaded': false,
      'throughput-native-async-c64': false,
      'peers-fastest-c1': false,
      'peers-fastest-c16': null,
      'peers-fastest-c64': false,
      'peers-fastest-c256': null,
      'native-async-vs-ky-c1': false,
      'native-async-vs-ky-c16': null,
      'native-async-vs-ky-c64': false,
      'native-async-vs-ky-c256': null,
      'cold-start-worker-threaded-first': false,
      'cold-start-worker-threaded-gather': false,
      'cold-start-blocking-sync-first': null,
      'dispatch-ratio': true,
      'loop-lag-native-async': true,
      'loop-lag-worker-threaded': false,
      'memory-peak-native-async': true,
      'memory-flat-native-async': true,
      'memory-peak-undici-pool': false,
      'memory-flat-undici-pool': false,
    });
    expect(report.targets.find((t) => t.id === 'peers-fastest-c64')).toMatchObject({
      actual: 0.8,
      detail: 'undici-pool ÷ raw undici.request',
    });
    const partial = buildReport(benchPlan(true), { skipped: ['undici-pool: not installed'], failures: [] }, META);
    expect(partial.targets.every((t) => t.met === null && t.actual === null)).toBe(true);
    expect(partial).toMatchObject({
      seed: null,
      throughput: null,
      peers: null,
      coldStart: null,
      dispatch: null,
      loopLag: null,
      memory: null,
    });
  });

  it('renders tables and the targets section', () => {
    const text = formatReport(report);
    expect(text).toContain('Peers and transports: ky 1.9.1, axios 1.21.1, got 14.6.5');
    expect(text).toContain('1. Seed: 20 requests at 100 ms latency, median of 5 (sequential 2105 ms; best peer raw fetch)');
    expect(text).toMatch(/native-async\s+gather\s+111\.0\s+18\.96×\s+0\.98×/);
    expect(text).toMatch(/\n\s*64\s+raw undici\.request\s+20000\s+0\.20×\s+0\.80×\s+0\.80×\n/);
    expect(text).toMatch(/worker-threaded\s+2000\s+4\.88×\s+2010\s+4\.79×\s+2300/);
    expect(text).toMatch(/native-async\s+gather\s+1000\s+200\s+12\.3\s+4\.2\s+6\s+9\.9\s+30\.0\s+290/);
    expect(text).toMatch(/seed speedup, worker-threaded \(gather\)\s+≥ 15 ×\s+13\.85 ×\s+MISSED/);
    expect(text).toMatch(/throughput fastest strategy \/ best peer, c=64 \(undici-pool ÷ raw undici\.request\)\s+≥ 1 ×\s+0\.8 ×\s+MISSED/);
    expect(text).toMatch(/memory peak RSS, native-async\s+< 256 MB\s+190\.4 MB\s+met/);
  });
});

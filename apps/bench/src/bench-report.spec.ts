import { benchPlan } from './bench-plan';
import { buildReport, type BenchMeasurements } from './bench-report';
import { formatReport } from './format-report';
import type { SeedMeasurement, ThroughputMeasurement } from './scenario-protocol';

const META = {
  date: '2026-01-01T00:00:00.000Z',
  quick: false,
  node: 'v20.20.2',
  cores: 2,
  cpu: 'test',
  loadAverage: [0.5, 0.5, 0.5],
  durationMs: 1000,
};

const seed = (client: SeedMeasurement['client'], runsMs: number[], mode: SeedMeasurement['mode'] = 'concurrent'): SeedMeasurement => ({
  client,
  mode,
  runsMs,
  warmupMs: 40,
});
const throughput = (client: ThroughputMeasurement['client'], elapsedMs: number): ThroughputMeasurement => ({
  client,
  runs: [{ concurrency: 64, requests: 20_000, elapsedMs, p50Ms: 9.5, p99Ms: 41.3 }],
});

// Shaped like a real full run on this 2-core machine.
const MEASURED: BenchMeasurements = {
  seed: {
    sequential: seed('blocking-sync', [2110, 2101, 2130, 2098, 2105], 'sequential'),
    concurrent: [
      seed('native-async', [112, 109, 131, 110, 111]),
      seed('worker-threaded', [150, 155, 149, 160, 152]),
      seed('fetch', [108, 107, 109, 115, 110]),
    ],
  },
  throughput: [
    throughput('native-async', 5_000),
    throughput('fetch', 3_000),
    throughput('undici', 1_000),
    throughput('undici-pool', 1_250),
  ],
  dispatch: { poolSize: 2, callsPerBatch: 500, toThreadUs: [70, 66, 68], piscinaUs: [60, 62, 61] },
  loopLag: [
    { client: 'native-async', requests: 1000, latencyMs: 200, maxMs: 12.34, p99Ms: 4.2, wallMs: 290.4 },
    { client: 'worker-threaded', requests: 1000, latencyMs: 200, maxMs: 25.1, p99Ms: 3.1, wallMs: 10_100 },
  ],
  memory: {
    client: 'native-async',
    items: 1_000_000,
    concurrency: 256,
    rssStartMb: 110,
    peakRssMb: 190.44,
    rssAt10PctMb: 170,
    rssEndMb: 180,
    wallMs: 250_000,
  },
  skipped: [],
  failures: [],
};

describe('buildReport', () => {
  const report = buildReport(benchPlan(false), MEASURED, META);

  it('produces the documented JSON shape', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json).toMatchObject({
      seed: {
        sequentialMs: expect.any(Number),
        results: expect.arrayContaining([
          {
            name: 'native-async',
            wallMs: expect.any(Number),
            speedup: expect.any(Number),
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
          concurrency: 64,
          rps: expect.any(Number),
          p50Ms: expect.any(Number),
          p99Ms: expect.any(Number),
          ratioToFetch: expect.any(Number),
        }),
      ]),
      dispatch: { toThreadUs: expect.any(Number), piscinaUs: expect.any(Number), ratio: expect.any(Number) },
      loopLag: [expect.objectContaining({ name: 'native-async', maxMs: expect.any(Number), p99Ms: expect.any(Number) }), expect.anything()],
      memory: expect.objectContaining({ items: 1_000_000, peakRssMb: expect.any(Number) }),
    });
  });

  it('computes speedups from medians, with the baseline first at 1×', () => {
    expect(report.seed?.sequentialMs).toBe(2105);
    expect(report.seed?.results.map((r) => [r.name, r.wallMs, r.speedup])).toEqual([
      ['sequential blocking-sync', 2105, 1],
      ['native-async', 111, 18.96],
      ['worker-threaded', 152, 13.85],
      ['raw fetch', 109, 19.31],
    ]);
  });

  it('compares throughput with raw fetch and raw undici.request at the same concurrency', () => {
    const row = (name: string) => report.throughput?.find((r) => r.name === name);
    expect(row('native-async')).toMatchObject({ rps: 4000, ratioToFetch: 0.6, ratioToUndici: 0.2 });
    expect(row('undici-pool')).toMatchObject({ rps: 16_000, ratioToUndici: 0.8 });
    expect(row('raw fetch')?.ratioToFetch).toBe(1);
  });

  it('reports dispatch medians and their ratio, and memory flatness', () => {
    expect(report.dispatch).toMatchObject({ toThreadUs: 68, piscinaUs: 61, ratio: 1.11 });
    expect(report.memory).toMatchObject({ peakRssMb: 190.4, endVs10Pct: 1.059 });
  });

  it('checks every target, met or missed, and marks unmeasured ones as not run', () => {
    const met = Object.fromEntries(report.targets.map((t) => [t.id, t.met]));
    expect(met).toEqual({
      'seed-native-async': true,
      'seed-worker-threaded': false,
      'throughput-native-async-c64': false,
      'dispatch-ratio': true,
      'loop-lag-native-async': true,
      'loop-lag-worker-threaded': false,
      'memory-peak': true,
      'memory-flat': true,
    });
    const partial = buildReport(benchPlan(true), { skipped: ['undici-pool: not installed'], failures: [] }, META);
    expect(partial.targets.every((t) => t.met === null && t.actual === null)).toBe(true);
    expect(partial).toMatchObject({ seed: null, throughput: null, dispatch: null, loopLag: null, memory: null });
  });

  it('renders tables and the targets section', () => {
    const text = formatReport(report);
    expect(text).toContain('1. Seed: 20 requests at 100 ms latency, median of 5 (sequential 2105 ms)');
    expect(text).toMatch(/native-async\s+gather\s+111\.0\s+18\.96×/);
    expect(text).toMatch(/seed speedup, worker-threaded \(gather\)\s+≥ 15 ×\s+13\.85 ×\s+MISSED/);
    expect(text).toMatch(/memory peak RSS\s+< 256 MB\s+190\.4 MB\s+met/);
  });
});

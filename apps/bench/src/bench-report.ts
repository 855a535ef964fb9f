import os from 'node:os';
import type { BenchPlan } from './bench-plan';
import {
  CLIENT_LABELS,
  isStrategy,
  type ClientName,
  type DispatchMeasurement,
  type LoopLagMeasurement,
  type MemoryMeasurement,
  type SeedMeasurement,
  type ThroughputMeasurement,
} from './scenario-protocol';
import { median, round } from './stats';
import { evaluateTargets, type TargetCheck } from './targets';

/** What the scenario children measured, before ratios and medians. Sections not run are absent. */
export interface BenchMeasurements {
  seed?: { sequential: SeedMeasurement; concurrent: SeedMeasurement[] };
  throughput?: ThroughputMeasurement[];
  dispatch?: DispatchMeasurement;
  loopLag?: LoopLagMeasurement[];
  memory?: MemoryMeasurement;
  /** One line per client that was not available (e.g. a plugin not installed). */
  skipped: string[];
  /** One line per scenario child that crashed (its stderr says why). */
  failures: string[];
}

export interface SeedRow {
  name: string;
  kind: 'baseline' | 'waitless' | 'raw';
  /** How the requests were issued: one by one, `gather`, or `Promise.all`. */
  via: 'sequential' | 'gather' | 'Promise.all';
  wallMs: number;
  speedup: number;
  runsMs: number[];
  warmupMs: number;
}

export interface ThroughputRow {
  name: string;
  concurrency: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** rps relative to raw fetch at the same concurrency (null when raw fetch was not measured). */
  ratioToFetch: number | null;
  /** rps relative to raw undici.request at the same concurrency. */
  ratioToUndici: number | null;
}

/** The `--json` output: one object, every section (null when not run), the targets and the machine. */
export interface BenchReport {
  meta: { date: string; quick: boolean; node: string; cores: number; cpu: string; loadAverage: number[]; durationMs: number };
  seed: { requests: number; latencyMs: number; repetitions: number; sequentialMs: number; results: SeedRow[] } | null;
  throughput: ThroughputRow[] | null;
  dispatch: { toThreadUs: number; piscinaUs: number; ratio: number; poolSize: number; callsPerBatch: number; batches: number } | null;
  loopLag: Array<{ name: string; requests: number; latencyMs: number; maxMs: number; p99Ms: number; wallMs: number }> | null;
  memory: {
    name: string;
    items: number;
    concurrency: number;
    rssStartMb: number;
    peakRssMb: number;
    rssAt10PctMb: number;
    rssEndMb: number;
    endVs10Pct: number;
    wallMs: number;
  } | null;
  targets: TargetCheck[];
  skipped: string[];
  failures: string[];
}

/** The machine facts a report carries. */
export function machineMeta(quick: boolean, durationMs: number): BenchReport['meta'] {
  return {
    date: new Date().toISOString(),
    quick,
    node: process.version,
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((l) => round(l, 2)),
    durationMs: Math.round(durationMs),
  };
}

/** Turns raw measurements into the report: medians, speedups, rps and ratios, then the target checks. */
export function buildReport(plan: BenchPlan, m: BenchMeasurements, meta: BenchReport['meta']): BenchReport {
  const seed = m.seed ? buildSeed(plan, m.seed) : null;
  const throughput = m.throughput ? buildThroughput(m.throughput) : null;
  const dispatch = m.dispatch ? buildDispatch(m.dispatch) : null;
  const loopLag = m.loopLag
    ? m.loopLag.map((l) => ({
        name: CLIENT_LABELS[l.client],
        requests: l.requests,
        latencyMs: l.latencyMs,
        maxMs: round(l.maxMs),
        p99Ms: round(l.p99Ms),
        wallMs: Math.round(l.wallMs),
      }))
    : null;
  const memory = m.memory
    ? {
        name: CLIENT_LABELS[m.memory.client],
        items: m.memory.items,
        concurrency: m.memory.concurrency,
        rssStartMb: round(m.memory.rssStartMb),
        peakRssMb: round(m.memory.peakRssMb),
        rssAt10PctMb: round(m.memory.rssAt10PctMb),
        rssEndMb: round(m.memory.rssEndMb),
        endVs10Pct: round(m.memory.rssEndMb / m.memory.rssAt10PctMb, 3),
        wallMs: Math.round(m.memory.wallMs),
      }
    : null;
  const sections = { seed, throughput, dispatch, loopLag, memory };
  return { meta, ...sections, targets: evaluateTargets(sections), skipped: m.skipped, failures: m.failures };
}

function buildSeed(plan: BenchPlan, measured: NonNullable<BenchMeasurements['seed']>): NonNullable<BenchReport['seed']> {
  const sequentialMs = median(measured.sequential.runsMs);
  const row = (s: SeedMeasurement, kind: SeedRow['kind'], via: SeedRow['via'], name: string): SeedRow => {
    const wallMs = median(s.runsMs);
    return {
      name,
      kind,
      via,
      wallMs: round(wallMs),
      speedup: round(sequentialMs / wallMs, 2),
      runsMs: s.runsMs.map((r) => round(r)),
      warmupMs: Math.round(s.warmupMs),
    };
  };
  const results = [
    row(measured.sequential, 'baseline', 'sequential', `sequential ${CLIENT_LABELS[measured.sequential.client]}`),
    ...measured.concurrent.map((s) =>
      isStrategy(s.client) ? row(s, 'waitless', 'gather', CLIENT_LABELS[s.client]) : row(s, 'raw', 'Promise.all', CLIENT_LABELS[s.client]),
    ),
  ];
  return {
    requests: plan.seed.requests,
    latencyMs: plan.seed.latencyMs,
    repetitions: plan.seed.repetitions,
    sequentialMs: round(sequentialMs),
    results,
  };
}

function buildThroughput(measured: ThroughputMeasurement[]): ThroughputRow[] {
  const rpsOf = (client: ClientName, concurrency: number): number | undefined => {
    const run = measured.find((t) => t.client === client)?.runs.find((r) => r.concurrency === concurrency);
    return run && (run.requests * 1000) / run.elapsedMs;
  };
  const ratio = (rps: number, peer: number | undefined): number | null => (peer === undefined ? null : round(rps / peer, 2));
  return measured.flatMap((t) =>
    t.runs.map((r) => {
      const rps = (r.requests * 1000) / r.elapsedMs;
      return {
        name: CLIENT_LABELS[t.client],
        concurrency: r.concurrency,
        requests: r.requests,
        rps: Math.round(rps),
        p50Ms: round(r.p50Ms, 2),
        p99Ms: round(r.p99Ms, 2),
        ratioToFetch: ratio(rps, rpsOf('fetch', r.concurrency)),
        ratioToUndici: ratio(rps, rpsOf('undici', r.concurrency)),
      };
    }),
  );
}

function buildDispatch(d: DispatchMeasurement): NonNullable<BenchReport['dispatch']> {
  const toThreadUs = median(d.toThreadUs);
  const piscinaUs = median(d.piscinaUs);
  return {
    toThreadUs: round(toThreadUs),
    piscinaUs: round(piscinaUs),
    ratio: round(toThreadUs / piscinaUs, 2),
    poolSize: d.poolSize,
    callsPerBatch: d.callsPerBatch,
    batches: d.toThreadUs.length,
  };
}

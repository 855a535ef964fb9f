import os from 'node:os';
import type { BenchPlan } from './bench-plan';
import { packageVersions } from './package-versions';
import {
  CLIENT_LABELS,
  isLibraryPeer,
  isStrategy,
  type ClientName,
  type ColdStartMeasurement,
  type DispatchMeasurement,
  type FanOutVia,
  type LoopLagMeasurement,
  type MemoryMeasurement,
  type SeedMeasurement,
  type ThroughputMeasurement,
  type TracingCostMeasurement,
} from './scenario-protocol';
import { median, round } from './stats';
import { evaluateTargets, type TargetCheck } from './targets';

/** What the scenario children measured, before ratios and medians. Sections not run are absent. */
export interface BenchMeasurements {
  seed?: { sequential: SeedMeasurement; concurrent: SeedMeasurement[] };
  throughput?: ThroughputMeasurement[];
  coldStart?: ColdStartMeasurement[];
  dispatch?: DispatchMeasurement;
  loopLag?: LoopLagMeasurement[];
  memory?: MemoryMeasurement[];
  tracing?: TracingCostMeasurement;
  /** One line per client that was not available (e.g. a plugin not installed). */
  skipped: string[];
  /** One line per scenario child that crashed (its stderr says why). */
  failures: string[];
}

/**
 * What a client is: the sequential baseline, a Waitless strategy, a raw transport used bare (fetch,
 * undici.request, piscina) or an HTTP client library (ky, axios, got). Raw transports and libraries
 * are the peers.
 */
export type ClientKind = 'baseline' | 'waitless' | 'raw' | 'library';

export interface SeedRow {
  name: string;
  kind: ClientKind;
  /** How the requests were issued: one by one, `gather`, or `Promise.all`. */
  via: 'sequential' | FanOutVia;
  wallMs: number;
  speedup: number;
  /** The best peer's wall time ÷ this one's (> 1 is faster than every peer); null without peers. */
  ratioToBestPeer: number | null;
  runsMs: number[];
  warmupMs: number;
}

export interface ThroughputRow {
  name: string;
  kind: ClientKind;
  concurrency: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system, every thread of the client's process) per completed request, in µs. */
  cpuUsPerRequest: number;
  /** rps relative to the best peer at the same concurrency (null when no peer was measured). */
  ratioToBestPeer: number | null;
  /** rps relative to raw fetch at the same concurrency (null when raw fetch was not measured). */
  ratioToFetch: number | null;
  /** rps relative to raw undici.request at the same concurrency. */
  ratioToUndici: number | null;
}

/** The strategies against the peers at one concurrency: the goals' figures in one place. */
export interface PeerComparisonRow {
  concurrency: number;
  bestPeer: { name: string; rps: number } | null;
  /** Every strategy's rps ÷ the best peer's, by strategy name. */
  strategies: Array<{ name: string; rps: number; ratioToBestPeer: number | null }>;
  fastestStrategy: { name: string; ratioToBestPeer: number | null } | null;
  /** native-async ÷ plain ky: what the Waitless layer costs on top of the client it runs on. */
  nativeAsyncToKy: number | null;
}

/** CPU per completed request at one concurrency, per client, with the ratio to the leanest peer. */
export interface CpuRow {
  name: string;
  kind: ClientKind;
  concurrency: number;
  cpuUsPerRequest: number;
  /** This client's CPU ÷ the lowest CPU of any peer (< 1 uses less CPU than every peer). */
  ratioToLeanestPeer: number | null;
}

export interface ColdStartRow {
  name: string;
  kind: 'waitless' | 'floor';
  /** Medians from just before the spawn: to the first result, to the gather's end (null for the floor), to exit. */
  firstResultMs: number | null;
  gatherMs: number | null;
  exitMs: number;
  /** Ratios of those medians to native-async's. */
  firstResultVsNativeAsync: number | null;
  gatherVsNativeAsync: number | null;
  exitVsNativeAsync: number | null;
  samples: ColdStartMeasurement['samples'];
}

/** One loop-lag measurement as reported: named by its client's label. */
export type LoopLagRow = Omit<LoopLagMeasurement, 'client'> & { name: string };

/** One memory measurement as reported: named by its client's label, with end RSS ÷ RSS at 10 %. */
export type MemoryRow = Omit<MemoryMeasurement, 'client'> & { name: string; endVs10Pct: number };

/** The `--json` output: one object, every section (null when not run), the targets and the machine. */
export interface BenchReport {
  meta: {
    date: string;
    quick: boolean;
    node: string;
    cores: number;
    cpu: string;
    loadAverage: number[];
    durationMs: number;
    /** Installed versions of the peers and transports (null: not installed). */
    versions: Record<string, string | null>;
  };
  seed: {
    requests: number;
    latencyMs: number;
    repetitions: number;
    sequentialMs: number;
    bestPeer: string | null;
    results: SeedRow[];
  } | null;
  throughput: ThroughputRow[] | null;
  peers: PeerComparisonRow[] | null;
  cpuPerRequest: CpuRow[] | null;
  coldStart: { requests: number; latencyMs: number; samples: number; results: ColdStartRow[] } | null;
  dispatch: { toThreadUs: number; piscinaUs: number; ratio: number; poolSize: number; callsPerBatch: number; batches: number } | null;
  loopLag: LoopLagRow[] | null;
  memory: MemoryRow[] | null;
  /** Requests per second (median of the rounds) of each variant, and the ratios that say what tracing costs. */
  tracing: {
    name: string;
    requests: number;
    concurrency: number;
    rounds: number;
    untracedRps: number;
    noSubscriberRps: number;
    subscribedRps: number;
    /** Nobody subscribed ÷ no tracing layer: what the layer costs while nobody listens (1 = nothing). */
    noSubscriberVsUntraced: number;
    /** Subscribed ÷ nobody subscribed: what listening costs. */
    subscribedVsNoSubscriber: number;
  } | null;
  targets: TargetCheck[];
  skipped: string[];
  failures: string[];
}

/** The concurrency the CPU-per-request table and the raw-fetch target are read at. */
export const CPU_CONCURRENCY = 64;

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
    versions: packageVersions(),
  };
}

/** The kind of a measured client. */
export function kindOf(client: ClientName): Exclude<ClientKind, 'baseline'> {
  if (isStrategy(client)) return 'waitless';
  return isLibraryPeer(client) ? 'library' : 'raw';
}

/** Turns raw measurements into the report: medians, speedups, rps and ratios, then the target checks. */
export function buildReport(plan: BenchPlan, m: BenchMeasurements, meta: BenchReport['meta']): BenchReport {
  const seed = m.seed ? buildSeed(plan, m.seed) : null;
  const throughput = m.throughput ? buildThroughput(m.throughput) : null;
  const peers = throughput ? buildPeerComparison(throughput) : null;
  const cpuPerRequest = throughput ? buildCpu(throughput, CPU_CONCURRENCY) : null;
  const coldStart = m.coldStart ? buildColdStart(plan, m.coldStart) : null;
  const dispatch = m.dispatch ? buildDispatch(m.dispatch) : null;
  const loopLag = m.loopLag
    ? m.loopLag.map((l) => ({
        name: CLIENT_LABELS[l.client],
        via: l.via,
        requests: l.requests,
        latencyMs: l.latencyMs,
        maxMs: round(l.maxMs),
        p99Ms: round(l.p99Ms),
        wallMs: Math.round(l.wallMs),
        gcCount: l.gcCount,
        gcMaxMs: round(l.gcMaxMs),
        gcTotalMs: round(l.gcTotalMs),
      }))
    : null;
  const memory = m.memory
    ? m.memory.map((mem) => ({
        name: CLIENT_LABELS[mem.client],
        items: mem.items,
        concurrency: mem.concurrency,
        rssStartMb: round(mem.rssStartMb),
        peakRssMb: round(mem.peakRssMb),
        rssAt10PctMb: round(mem.rssAt10PctMb),
        rssEndMb: round(mem.rssEndMb),
        endVs10Pct: round(mem.rssEndMb / mem.rssAt10PctMb, 3),
        wallMs: Math.round(mem.wallMs),
      }))
    : null;
  const sections = { seed, throughput, peers, cpuPerRequest, coldStart, dispatch, loopLag, memory };
  const tracing = m.tracing ? buildTracing(m.tracing) : null;
  return { meta, ...sections, tracing, targets: evaluateTargets(sections), skipped: m.skipped, failures: m.failures };
}

const ratioOf = (value: number, reference: number | undefined): number | null =>
  reference === undefined || reference === 0 ? null : round(value / reference, 2);

function buildSeed(plan: BenchPlan, measured: NonNullable<BenchMeasurements['seed']>): NonNullable<BenchReport['seed']> {
  const sequentialMs = median(measured.sequential.runsMs);
  const peerWalls = measured.concurrent.filter((s) => !isStrategy(s.client)).map((s) => ({ s, wallMs: median(s.runsMs) }));
  const best = peerWalls.reduce<(typeof peerWalls)[number] | undefined>((b, p) => (b && b.wallMs <= p.wallMs ? b : p), undefined);
  const row = (s: SeedMeasurement, kind: ClientKind, via: SeedRow['via'], name: string): SeedRow => {
    const wallMs = median(s.runsMs);
    return {
      name,
      kind,
      via,
      wallMs: round(wallMs),
      speedup: round(sequentialMs / wallMs, 2),
      ratioToBestPeer: best ? round(best.wallMs / wallMs, 2) : null,
      runsMs: s.runsMs.map((r) => round(r)),
      warmupMs: Math.round(s.warmupMs),
    };
  };
  const results = [
    row(measured.sequential, 'baseline', 'sequential', `sequential ${CLIENT_LABELS[measured.sequential.client]}`),
    ...measured.concurrent.map((s) => row(s, kindOf(s.client), isStrategy(s.client) ? 'gather' : 'Promise.all', CLIENT_LABELS[s.client])),
  ];
  return {
    requests: plan.seed.requests,
    latencyMs: plan.seed.latencyMs,
    repetitions: plan.seed.repetitions,
    sequentialMs: round(sequentialMs),
    bestPeer: best ? CLIENT_LABELS[best.s.client] : null,
    results,
  };
}

function buildThroughput(measured: ThroughputMeasurement[]): ThroughputRow[] {
  const rpsOf = (client: ClientName, concurrency: number): number | undefined => {
    const run = measured.find((t) => t.client === client)?.runs.find((r) => r.concurrency === concurrency);
    return run && (run.requests * 1000) / run.elapsedMs;
  };
  const bestPeerRps = (concurrency: number): number | undefined => {
    const rps = measured.filter((t) => !isStrategy(t.client)).map((t) => rpsOf(t.client, concurrency) ?? 0);
    return rps.length > 0 ? Math.max(...rps) : undefined;
  };
  return measured.flatMap((t) =>
    t.runs.map((r) => {
      const rps = (r.requests * 1000) / r.elapsedMs;
      return {
        name: CLIENT_LABELS[t.client],
        kind: kindOf(t.client),
        concurrency: r.concurrency,
        requests: r.requests,
        rps: Math.round(rps),
        p50Ms: round(r.p50Ms, 2),
        p99Ms: round(r.p99Ms, 2),
        cpuUsPerRequest: round((r.cpuMs * 1000) / r.requests),
        ratioToBestPeer: ratioOf(rps, bestPeerRps(r.concurrency)),
        ratioToFetch: ratioOf(rps, rpsOf('fetch', r.concurrency)),
        ratioToUndici: ratioOf(rps, rpsOf('undici', r.concurrency)),
      };
    }),
  );
}

function buildPeerComparison(rows: ThroughputRow[]): PeerComparisonRow[] {
  const concurrencies = [...new Set(rows.map((r) => r.concurrency))];
  return concurrencies.map((concurrency) => {
    const at = rows.filter((r) => r.concurrency === concurrency);
    const peers = at.filter((r) => r.kind !== 'waitless');
    const strategies = at.filter((r) => r.kind === 'waitless');
    const best = peers.reduce<ThroughputRow | undefined>((b, r) => (b && b.rps >= r.rps ? b : r), undefined);
    const fastest = strategies.reduce<ThroughputRow | undefined>((b, r) => (b && b.rps >= r.rps ? b : r), undefined);
    const nativeAsync = at.find((r) => r.name === CLIENT_LABELS['native-async']);
    const ky = at.find((r) => r.name === CLIENT_LABELS.ky);
    return {
      concurrency,
      bestPeer: best ? { name: best.name, rps: best.rps } : null,
      strategies: strategies.map((r) => ({ name: r.name, rps: r.rps, ratioToBestPeer: r.ratioToBestPeer })),
      fastestStrategy: fastest ? { name: fastest.name, ratioToBestPeer: fastest.ratioToBestPeer } : null,
      nativeAsyncToKy: nativeAsync && ky ? ratioOf(nativeAsync.rps, ky.rps) : null,
    };
  });
}

function buildCpu(rows: ThroughputRow[], concurrency: number): CpuRow[] {
  const at = rows.filter((r) => r.concurrency === concurrency);
  const peerCpu = at.filter((r) => r.kind !== 'waitless').map((r) => r.cpuUsPerRequest);
  const leanest = peerCpu.length > 0 ? Math.min(...peerCpu) : undefined;
  return at.map((r) => ({
    name: r.name,
    kind: r.kind,
    concurrency,
    cpuUsPerRequest: r.cpuUsPerRequest,
    ratioToLeanestPeer: ratioOf(r.cpuUsPerRequest, leanest),
  }));
}

function buildColdStart(plan: BenchPlan, measured: ColdStartMeasurement[]): NonNullable<BenchReport['coldStart']> {
  const medianOf = (samples: ColdStartMeasurement['samples'], key: 'firstResultMs' | 'gatherMs' | 'exitMs'): number | null => {
    const values = samples.map((s) => s[key]).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  const rows = measured
    .filter((c) => c.samples.length > 0)
    .map((c) => ({
      c,
      firstResultMs: medianOf(c.samples, 'firstResultMs'),
      gatherMs: medianOf(c.samples, 'gatherMs'),
      exitMs: medianOf(c.samples, 'exitMs') ?? Number.NaN,
    }));
  const reference = rows.find((x) => x.c.client === 'native-async');
  const vs = (value: number | null, ref: number | null | undefined): number | null =>
    value === null || ref === null || ref === undefined ? null : ratioOf(value, ref);
  const roundOrNull = (value: number | null): number | null => (value === null ? null : round(value));
  return {
    requests: plan.coldStart.requests,
    latencyMs: plan.coldStart.latencyMs,
    samples: plan.coldStart.samples,
    results: rows.map(({ c, firstResultMs, gatherMs, exitMs }) => ({
      name: c.client === 'node' ? 'node (empty script)' : CLIENT_LABELS[c.client],
      kind: c.client === 'node' ? 'floor' : 'waitless',
      firstResultMs: roundOrNull(firstResultMs),
      gatherMs: roundOrNull(gatherMs),
      exitMs: round(exitMs),
      firstResultVsNativeAsync: vs(firstResultMs, reference?.firstResultMs),
      gatherVsNativeAsync: vs(gatherMs, reference?.gatherMs),
      exitVsNativeAsync: c.client === 'node' ? null : vs(exitMs, reference?.exitMs),
      samples: c.samples.map((s) => ({
        firstResultMs: roundOrNull(s.firstResultMs),
        gatherMs: roundOrNull(s.gatherMs),
        exitMs: round(s.exitMs),
      })),
    })),
  };
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

function buildTracing(t: TracingCostMeasurement): NonNullable<BenchReport['tracing']> {
  const rps = (runsMs: number[]): number => (t.requests / median(runsMs)) * 1000;
  const untracedRps = rps(t.untracedMs);
  const noSubscriberRps = rps(t.noSubscriberMs);
  const subscribedRps = rps(t.subscribedMs);
  return {
    name: CLIENT_LABELS[t.client],
    requests: t.requests,
    concurrency: t.concurrency,
    rounds: t.untracedMs.length,
    untracedRps: Math.round(untracedRps),
    noSubscriberRps: Math.round(noSubscriberRps),
    subscribedRps: Math.round(subscribedRps),
    noSubscriberVsUntraced: round(noSubscriberRps / untracedRps, 3),
    subscribedVsNoSubscriber: round(subscribedRps / noSubscriberRps, 3),
  };
}

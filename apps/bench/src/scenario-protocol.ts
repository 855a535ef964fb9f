// What the bench process sends to each scenario child (one JSON argument) and the one JSON line it
// gets back. Shared by both sides so the report builder is typed end to end.

/** The Waitless strategies the bench knows, by the name users type. */
export type StrategyName = 'native-async' | 'worker-threaded' | 'blocking-sync' | 'undici-pool';

/** Raw peers with no Waitless in the way. */
export type RawPeerName = 'fetch' | 'undici' | 'piscina';

/** Every client a scenario can drive. */
export type ClientName = StrategyName | RawPeerName;

/** The plugin package of each strategy, loaded by name the way `waitless.config.json` would. */
export const STRATEGY_PLUGINS: Readonly<Record<StrategyName, string>> = {
  'native-async': '@waitless/strategy-native-async',
  'worker-threaded': '@waitless/strategy-worker-threaded',
  'blocking-sync': '@waitless/strategy-blocking-sync',
  'undici-pool': '@waitless/strategy-undici-pool',
};

/** How reports name each client. */
export const CLIENT_LABELS: Readonly<Record<ClientName, string>> = {
  'native-async': 'native-async',
  'worker-threaded': 'worker-threaded',
  'blocking-sync': 'blocking-sync',
  'undici-pool': 'undici-pool',
  fetch: 'raw fetch',
  undici: 'raw undici.request',
  piscina: 'raw piscina + requestSync',
};

/** True for the names of Waitless strategies (as opposed to raw peers). */
export function isStrategy(client: ClientName): client is StrategyName {
  return client in STRATEGY_PLUGINS;
}

/** What a child prints instead of a result when its client is not installed (e.g. a plugin not written yet). */
export interface Skipped {
  skipped: string;
}

export interface SeedArgs {
  url: string;
  client: ClientName;
  /** `sequential` awaits one request after another; `concurrent` runs them all at once (gather or Promise.all). */
  mode: 'sequential' | 'concurrent';
  requests: number;
  latencyMs: number;
  repetitions: number;
  /** Threads of worker-threaded / raw piscina. */
  poolSize: number;
}

export interface SeedMeasurement {
  client: ClientName;
  mode: SeedArgs['mode'];
  /** Wall time of each timed repetition. */
  runsMs: number[];
  /** The untimed warm-up (connections opened, worker threads started). */
  warmupMs: number;
}

export interface ThroughputArgs {
  url: string;
  client: ClientName;
  requests: number;
  concurrencies: number[];
  poolSize: number;
  warmupRequests: number;
}

export interface ThroughputRun {
  concurrency: number;
  requests: number;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ThroughputMeasurement {
  client: ClientName;
  runs: ThroughputRun[];
}

export interface DispatchArgs {
  poolSize: number;
  batches: number;
  callsPerBatch: number;
}

export interface DispatchMeasurement {
  poolSize: number;
  callsPerBatch: number;
  /** Microseconds per call of each toThread batch. */
  toThreadUs: number[];
  /** Microseconds per call of each raw piscina batch (interleaved with the toThread ones). */
  piscinaUs: number[];
}

export interface LoopLagArgs {
  url: string;
  client: ClientName;
  requests: number;
  latencyMs: number;
  poolSize: number;
}

export interface LoopLagMeasurement {
  client: ClientName;
  requests: number;
  latencyMs: number;
  maxMs: number;
  p99Ms: number;
  wallMs: number;
}

export interface MemoryArgs {
  url: string;
  client: ClientName;
  items: number;
  concurrency: number;
  sampleEveryMs: number;
}

export interface MemoryMeasurement {
  client: ClientName;
  items: number;
  concurrency: number;
  /** After the client is open, before the first request. */
  rssStartMb: number;
  peakRssMb: number;
  rssAt10PctMb: number;
  rssEndMb: number;
  wallMs: number;
}

/** Each scenario's argument and result types, by the file name of its child entry point. */
export interface ScenarioTypes {
  seed: { args: SeedArgs; result: SeedMeasurement };
  throughput: { args: ThroughputArgs; result: ThroughputMeasurement };
  dispatch: { args: DispatchArgs; result: DispatchMeasurement };
  'loop-lag': { args: LoopLagArgs; result: LoopLagMeasurement };
  memory: { args: MemoryArgs; result: MemoryMeasurement };
}

export type ScenarioName = keyof ScenarioTypes;

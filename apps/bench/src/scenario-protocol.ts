// What the bench process sends to each scenario child (one JSON argument) and the one JSON line it
// gets back. Shared by both sides so the report builder is typed end to end.

/** The Waitless strategies the bench knows, by the name users type. */
export type StrategyName = 'native-async' | 'worker-threaded' | 'blocking-sync' | 'undici-pool';

/** Raw peers with no Waitless in the way: the transports under the strategies, used bare. */
export type RawPeerName = 'fetch' | 'undici' | 'piscina';

/**
 * HTTP client libraries people choose instead of Waitless, each used plainly with its defaults. `ky` is
 * the version native-async runs on, so native-async ÷ ky is what the Waitless layer costs on top of it.
 */
export type LibraryPeerName = 'ky' | 'axios' | 'got';

/** Every client a scenario can drive. */
export type ClientName = StrategyName | RawPeerName | LibraryPeerName;

/** The library peers, in report order. */
export const LIBRARY_PEERS: readonly LibraryPeerName[] = ['ky', 'axios', 'got'];

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
  ky: 'plain ky',
  axios: 'axios',
  got: 'got',
};

/** True for the names of Waitless strategies (as opposed to peers). */
export function isStrategy(client: ClientName): client is StrategyName {
  return client in STRATEGY_PLUGINS;
}

/** True for the HTTP client libraries (ky, axios, got). */
export function isLibraryPeer(client: ClientName): client is LibraryPeerName {
  return (LIBRARY_PEERS as readonly string[]).includes(client);
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
  /**
   * `process.cpuUsage()` over the timed loop, user + system, in ms. It counts every thread of the
   * client's process (worker threads included), and none of the fixture server's.
   */
  cpuMs: number;
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

/** How a fan-out starts its requests: `gather` (the pool starts 8 a turn) or all in one `Promise.all` loop. */
export type FanOutVia = 'gather' | 'Promise.all';

export interface LoopLagArgs {
  url: string;
  client: ClientName;
  /** Strategies always use `gather`; a peer through `gather` is paced exactly like them. */
  via: FanOutVia;
  requests: number;
  latencyMs: number;
  poolSize: number;
}

export interface LoopLagMeasurement {
  client: ClientName;
  via: FanOutVia;
  requests: number;
  latencyMs: number;
  maxMs: number;
  p99Ms: number;
  wallMs: number;
  /** Garbage-collection pauses in the measured window (`perf_hooks` gc entries): count, longest, sum. */
  gcCount: number;
  gcMaxMs: number;
  gcTotalMs: number;
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

export interface ColdStartArgs {
  url: string;
  strategy: StrategyName;
  /** The strategy's plugin package, loaded by name. */
  plugin: string;
  requests: number;
  latencyMs: number;
  /** Threads of worker-threaded: one per request, as in the seed scenario. */
  poolSize: number;
}

/** One fresh process, timed from the parent, each from just before the spawn. */
export interface ColdStartSample {
  /** To the first result. Null for the empty-process floor, which fetches nothing. */
  firstResultMs: number | null;
  /** To the gather's end: every result in. Null for the floor. */
  gatherMs: number | null;
  /** To the process's exit, after `close()` and whatever else keeps the event loop alive. */
  exitMs: number;
}

export interface ColdStartMeasurement {
  /** A strategy, or `node` for a process that loads nothing (the floor every sample pays). */
  client: StrategyName | 'node';
  requests: number;
  latencyMs: number;
  samples: ColdStartSample[];
}

export interface TracingCostArgs {
  url: string;
  client: StrategyName;
  requests: number;
  warmupRequests: number;
  concurrency: number;
  /** Each round times every variant once, in a rotating order. */
  rounds: number;
}

/** Wall time of each round's closed loop, per variant. */
export interface TracingCostMeasurement {
  client: StrategyName;
  requests: number;
  concurrency: number;
  /** The plugin's strategy used directly: no tracing layer at all. */
  untracedMs: number[];
  /** The runtime's strategy (inside the tracing layer) with nobody subscribed. */
  noSubscriberMs: number[];
  /** The runtime's strategy with a subscriber on every waitless:fetch event. */
  subscribedMs: number[];
}

/** Each scenario's argument and result types, by the file name of its child entry point. */
export interface ScenarioTypes {
  seed: { args: SeedArgs; result: SeedMeasurement };
  throughput: { args: ThroughputArgs; result: ThroughputMeasurement };
  dispatch: { args: DispatchArgs; result: DispatchMeasurement };
  'loop-lag': { args: LoopLagArgs; result: LoopLagMeasurement };
  memory: { args: MemoryArgs; result: MemoryMeasurement };
  'tracing-cost': { args: TracingCostArgs; result: TracingCostMeasurement };
}

export type ScenarioName = keyof ScenarioTypes;

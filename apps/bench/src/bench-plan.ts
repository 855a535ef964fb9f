import os from 'node:os';
import type { ClientName, FanOutVia, StrategyName } from './scenario-protocol';

/** The sections a run can include, in the order they run. */
export const SECTIONS = ['seed', 'throughput', 'coldStart', 'dispatch', 'loopLag', 'memory', 'tracing'] as const;
export type Section = (typeof SECTIONS)[number];

/** Every count and client list of one bench run; `--quick` only changes the counts. */
export interface BenchPlan {
  quick: boolean;
  seed: {
    requests: number;
    latencyMs: number;
    repetitions: number;
    /** worker-threaded and raw piscina get one thread per request. */
    poolSize: number;
    baseline: StrategyName;
    clients: ClientName[];
  };
  throughput: {
    requests: number;
    warmupRequests: number;
    concurrencies: number[];
    /** worker-threaded / raw piscina threads; on 2 cores more threads only add contention. */
    poolSize: number;
    clients: ClientName[];
  };
  coldStart: {
    /** Fresh processes per strategy (interleaved across strategies); the report takes the median. */
    samples: number;
    requests: number;
    latencyMs: number;
    /** worker-threaded gets one thread per request, as in the seed scenario. */
    poolSize: number;
    clients: StrategyName[];
  };
  dispatch: { poolSize: number; batches: number; callsPerBatch: number };
  loopLag: {
    requests: number;
    latencyMs: number;
    /** blocking-sync blocks the loop for every request in turn, so it gets only a few. */
    blockingRequests: number;
    poolSize: number;
    /** Each client with how it starts its requests: peers through `gather` are paced like the strategies. */
    runs: Array<{ client: ClientName; via: FanOutVia }>;
  };
  memory: { items: number; concurrency: number; sampleEveryMs: number; clients: StrategyName[] };
  /** What the waitless:fetch layer costs: one closed loop without it, inside it with nobody listening, and with a subscriber. */
  tracing: { client: StrategyName; requests: number; warmupRequests: number; concurrency: number; rounds: number };
}

/** The full plan, or the `--quick` one whose whole run fits in under a minute on 2 cores. */
export function benchPlan(quick: boolean): BenchPlan {
  return {
    quick,
    seed: {
      // Each worker thread costs ~0.7 s of start-up on 2 cores, so --quick halves the fan-out.
      requests: quick ? 10 : 20,
      latencyMs: 100,
      repetitions: quick ? 2 : 5,
      poolSize: quick ? 10 : 20,
      baseline: 'blocking-sync',
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'blocking-sync', 'fetch', 'undici', 'piscina', 'ky', 'axios', 'got'],
    },
    throughput: {
      requests: quick ? 2_000 : 20_000,
      warmupRequests: quick ? 50 : 500,
      concurrencies: [1, 16, 64, 256],
      poolSize: quick ? 4 : 8,
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'blocking-sync', 'fetch', 'undici', 'ky', 'axios', 'got'],
    },
    coldStart: {
      samples: quick ? 2 : 5,
      requests: quick ? 10 : 20,
      latencyMs: 100,
      poolSize: quick ? 10 : 20,
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'blocking-sync'],
    },
    dispatch: { poolSize: os.availableParallelism(), batches: quick ? 10 : 30, callsPerBatch: quick ? 200 : 500 },
    loopLag: {
      requests: quick ? 100 : 1_000,
      latencyMs: 200,
      blockingRequests: quick ? 5 : 20,
      poolSize: quick ? 10 : 20,
      runs: [
        { client: 'native-async', via: 'gather' },
        { client: 'worker-threaded', via: 'gather' },
        { client: 'undici-pool', via: 'gather' },
        { client: 'blocking-sync', via: 'gather' },
        { client: 'fetch', via: 'Promise.all' },
        // native-async's layers one at a time, paced alike: fetch alone, then ky on fetch.
        { client: 'fetch', via: 'gather' },
        { client: 'ky', via: 'gather' },
      ],
    },
    // 100,000 items alone take ~30 s at native-async's ~3,000 req/s here, so --quick streams 30,000.
    memory: { items: quick ? 30_000 : 1_000_000, concurrency: 256, sampleEveryMs: 50, clients: ['native-async', 'undici-pool'] },
    // native-async has the cheapest calls, so a per-call cost shows most there; rounds interleave the three variants.
    tracing: {
      client: 'native-async',
      requests: quick ? 2_000 : 10_000,
      warmupRequests: quick ? 200 : 1_000,
      concurrency: 16,
      rounds: quick ? 3 : 9,
    },
  };
}

import os from 'node:os';
import type { ClientName, StrategyName } from './scenario-protocol';

/** The sections a run can include, in the order they run. */
export const SECTIONS = ['seed', 'throughput', 'dispatch', 'loopLag', 'memory'] as const;
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
  dispatch: { poolSize: number; batches: number; callsPerBatch: number };
  loopLag: {
    requests: number;
    latencyMs: number;
    /** blocking-sync blocks the loop for every request in turn, so it gets only a few. */
    blockingRequests: number;
    poolSize: number;
    clients: ClientName[];
  };
  memory: { items: number; concurrency: number; sampleEveryMs: number; client: StrategyName };
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
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'blocking-sync', 'fetch', 'undici', 'piscina'],
    },
    throughput: {
      requests: quick ? 2_000 : 20_000,
      warmupRequests: quick ? 50 : 500,
      concurrencies: [1, 16, 64, 256],
      poolSize: quick ? 4 : 8,
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'fetch', 'undici'],
    },
    dispatch: { poolSize: os.availableParallelism(), batches: quick ? 10 : 30, callsPerBatch: quick ? 200 : 500 },
    loopLag: {
      requests: quick ? 100 : 1_000,
      latencyMs: 200,
      blockingRequests: quick ? 5 : 20,
      poolSize: quick ? 10 : 20,
      clients: ['native-async', 'worker-threaded', 'undici-pool', 'blocking-sync', 'fetch'],
    },
    // 100,000 items alone take ~30 s at native-async's ~3,000 req/s here, so --quick streams 30,000.
    memory: { items: quick ? 30_000 : 1_000_000, concurrency: 256, sampleEveryMs: 50, client: 'native-async' },
  };
}

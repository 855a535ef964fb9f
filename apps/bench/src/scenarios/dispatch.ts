// Dispatch-overhead scenario child: toThread round trip of a trivial function vs raw piscina, same pool size.
import path from 'node:path';
import { Piscina } from 'piscina';
import { ThreadPool, toThread } from '@waitless/to-thread';
import type { DispatchArgs, DispatchMeasurement } from '../scenario-protocol';
import { runAsScenario } from './run-as-scenario';

const TRIVIAL_TASK = path.join(__dirname, 'trivial-task.cjs');
const US_PER_MS = 1000;
const IN_FLIGHT = 16;

runAsScenario<DispatchArgs, DispatchMeasurement>(async ({ poolSize, batches, callsPerBatch }) => {
  const threadPool = new ThreadPool({ size: poolSize });
  const identity = toThread<(value: number) => number>(TRIVIAL_TASK, 'identity', { pool: threadPool });
  // ThreadPool's own piscina settings, so the only difference is the toThread layer.
  const piscina = new Piscina({
    filename: TRIVIAL_TASK,
    minThreads: 0,
    maxThreads: poolSize,
    idleTimeout: 30_000,
    concurrentTasksPerWorker: 1,
  });
  const viaPiscina = (value: number): Promise<number> => piscina.run(value);
  try {
    // Start every thread of both pools, then one untimed batch each.
    await Promise.all(Array.from({ length: poolSize }, (_, i) => Promise.all([identity(i), viaPiscina(i)])));
    await timeBatch(identity, callsPerBatch);
    await timeBatch(viaPiscina, callsPerBatch);

    const toThreadUs: number[] = [];
    const piscinaUs: number[] = [];
    for (let b = 0; b < batches; b++) {
      // Alternate which goes first so drift (GC, other load) hits both alike.
      if (b % 2 === 0) {
        toThreadUs.push(await timeBatch(identity, callsPerBatch));
        piscinaUs.push(await timeBatch(viaPiscina, callsPerBatch));
      } else {
        piscinaUs.push(await timeBatch(viaPiscina, callsPerBatch));
        toThreadUs.push(await timeBatch(identity, callsPerBatch));
      }
    }
    return { poolSize, callsPerBatch, toThreadUs, piscinaUs };
  } finally {
    await Promise.all([threadPool.close(), piscina.destroy()]);
  }
});

/**
 * Microseconds per call of `calls` round trips, `IN_FLIGHT` at a time. One call at a time measured
 * mostly how fast the OS woke a sleeping thread on this 2-vCPU VM (bimodal: 18 or 55 µs, whichever
 * path); keeping the pool busy amortises the wake-ups, so what differs is the per-call dispatch work.
 */
async function timeBatch(call: (value: number) => Promise<number>, calls: number): Promise<number> {
  const startedAt = performance.now();
  // Hand-written lanes, not mapStream: the pool's own ~1 µs a call (and a turn break every 8 starts) would be
  // timed too, in a ~20 µs-per-call measurement.
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < calls; i = next++) {
      if ((await call(i)) !== i) throw new Error(`The trivial task returned the wrong value for ${i}.`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return ((performance.now() - startedAt) * US_PER_MS) / calls;
}

import { mapStream } from '@waitless/concurrency';
import { range } from './range';

/** What {@link runClosedLoop} measured. */
export interface ClosedLoopResult {
  elapsedMs: number;
  /** Latency of every call, in milliseconds, in start order. */
  latenciesMs: Float64Array;
}

/**
 * Calls `call` `total` times with `concurrency` calls in flight (a closed loop: a call starts when
 * another ends), timing each call and the whole run. Every client is driven by this same loop —
 * `mapStream` over the call indexes — so throughput differences are the clients' own.
 */
export async function runClosedLoop(total: number, concurrency: number, call: () => Promise<void>): Promise<ClosedLoopResult> {
  const latenciesMs = new Float64Array(total);
  // The call gets no signal, as before: raw peers are timed exactly as they are used bare.
  const timed = async (index: number): Promise<void> => {
    const startedAt = performance.now();
    await call();
    latenciesMs[index] = performance.now() - startedAt;
  };
  const startedAt = performance.now();
  const calls = mapStream(range(total), timed, { concurrency, ordered: false });
  while (!(await calls.next()).done);
  return { elapsedMs: performance.now() - startedAt, latenciesMs };
}

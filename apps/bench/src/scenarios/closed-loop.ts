/** What {@link runClosedLoop} measured. */
export interface ClosedLoopResult {
  elapsedMs: number;
  /** Latency of every call, in milliseconds, in start order. */
  latenciesMs: Float64Array;
}

/**
 * Calls `call` `total` times with exactly `concurrency` calls in flight (a closed loop: each lane
 * starts its next call when its previous one ends), timing each call and the whole run. Every client
 * is driven by this same loop, so throughput differences are the clients' own.
 */
export async function runClosedLoop(total: number, concurrency: number, call: () => Promise<void>): Promise<ClosedLoopResult> {
  const latenciesMs = new Float64Array(total);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const startedAt = performance.now();
      await call();
      latenciesMs[index] = performance.now() - startedAt;
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { elapsedMs: performance.now() - startedAt, latenciesMs };
}

import { setImmediate as nextTurn } from 'node:timers/promises';

/** Options for {@link dispatchPerTurn}. */
export interface DispatchOptions {
  /** How many tasks may be in flight at once (≥ 1). */
  concurrency: number;
  /** Stops dispatching; tasks already started see the same signal through `task`. */
  signal?: AbortSignal;
}

/**
 * Runs `task(0) … task(count - 1)` with at most `concurrency` in flight, starting at most one task per
 * event-loop turn, and resolves with how many were dispatched once every started task has settled
 * (a rejected task does not stop the others). Starting one task a turn is what an app serving work
 * does, and it keeps the demo honest: a blocking strategy holds the loop for one whole request, the
 * heartbeat ticks in between, whereas a non-blocking one still starts everything within microseconds.
 *
 * @example await dispatchPerTurn(20, (i) => strategy.fetch({ url: urls[i], signal }), { concurrency: 5, signal });
 */
export async function dispatchPerTurn(count: number, task: (index: number) => Promise<unknown>, options: DispatchOptions): Promise<number> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1 (got ${options.concurrency}).`);
  }
  const running = new Set<Promise<unknown>>();
  let dispatched = 0;
  while (dispatched < count && !options.signal?.aborted) {
    if (running.size >= options.concurrency) {
      await Promise.race(running);
      continue;
    }
    await nextTurn();
    if (options.signal?.aborted) break;
    const settled: Promise<unknown> = task(dispatched++).then(
      () => running.delete(settled),
      () => running.delete(settled),
    );
    running.add(settled);
  }
  await Promise.all(running);
  return dispatched;
}

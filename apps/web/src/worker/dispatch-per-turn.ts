import { setImmediate as nextTurn } from 'node:timers/promises';
import { asCompleted, type Task } from '@waitless/concurrency';

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
  // asCompleted pulls the next task only when a slot is free and yields a failure instead of throwing
  // it. The signal stops the source, not the pool: started tasks end on their own (they see it too).
  const outcomes = asCompleted(oneTaskPerTurn(count, task, options.signal), { concurrency: options.concurrency });
  let settled = 0;
  while (!(await outcomes.next()).done) settled++;
  return settled;
}

/** `task(0)` … `task(count - 1)` as tasks for the pool, each handed out on a later event-loop turn, until `signal` aborts. */
async function* oneTaskPerTurn(
  count: number,
  task: (index: number) => Promise<unknown>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Task<unknown>> {
  for (let index = 0; index < count; index++) {
    await nextTurn();
    if (signal?.aborted) return;
    yield () => task(index);
  }
}

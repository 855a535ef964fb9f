import { checkConcurrency } from '../internal/check-concurrency';
import { runPool } from '../internal/run-pool';
import type { IndexedOutcome, Task } from './outcome';

/** Options of {@link asCompleted}. */
export interface AsCompletedOptions {
  /** At most this many tasks run at once: an integer ≥ 1, or `Infinity`. Default 16. */
  concurrency?: number;
  /** Aborting it aborts the running tasks and makes the loop throw the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs tasks concurrently and yields each outcome (with its input `index`) as soon as it settles —
 * completion order, not input order. A failure is yielded, not thrown. Breaking out of the loop aborts
 * the tasks still running and never starts the rest.
 * @example
 * for await (const outcome of asCompleted(tasks, { concurrency: 4 })) {
 *   if (outcome.status === 'fulfilled') console.log(outcome.index, outcome.value);
 * }
 */
export function asCompleted<T>(
  tasks: Iterable<Task<T>> | AsyncIterable<Task<T>>,
  options: AsCompletedOptions = {},
): AsyncGenerator<IndexedOutcome<T>, void, undefined> {
  const concurrency = checkConcurrency(options.concurrency, 'asCompleted.concurrency');
  return runPool(tasks, (task, signal) => task(signal), { concurrency, ordered: false, failFast: false, signal: options.signal });
}

import type { Task } from '@waitless/concurrency';

/**
 * The positions 0, 1, …, count - 1 of a workload, made one at a time as the run pulls them: `--count 1000000`
 * never holds a million indexes, and no count is too large (an array stops at 2^32 - 1 elements).
 */
export function* workloadIndexes(count: number): Generator<number, void, undefined> {
  for (let i = 0; i < count; i++) yield i;
}

/** One `gather` task per position, made only when gather pulls it, so the tasks stream like the indexes. */
export function* workloadTasks<T>(
  count: number,
  run: (index: number, signal: AbortSignal) => Promise<T>,
): Generator<Task<T>, void, undefined> {
  for (const index of workloadIndexes(count)) yield (signal) => run(index, signal);
}

import { checkConcurrency } from '../internal/check-concurrency';
import { runPool } from '../internal/run-pool';
import { InvalidOptionError } from '../errors/invalid-option-error';
import type { Settled, Task } from './outcome';

/** Options of {@link gather}. */
export interface GatherOptions {
  /** At most this many tasks run at once: an integer ≥ 1, or `Infinity`. Default 16. */
  concurrency?: number;
  /**
   * `fail-fast` (default): reject with the first error, abort the running tasks, never start the rest.
   * `settled`: run everything and return one {@link Settled} per task.
   */
  mode?: 'fail-fast' | 'settled';
  /** Aborting it aborts every running task and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs tasks concurrently (at most `concurrency` at once) and returns their results in input order —
 * the concurrent form of `sequence`. Each task gets an `AbortSignal` that fires when the gather is
 * cancelled or, in `fail-fast` mode, when a sibling fails. It settles only after every started task has.
 * @example
 * const names = await gather([1, 4, 7].map((id) => (signal) => getPokemonName(id, strategy, { signal })), { concurrency: 2 });
 */
export function gather<T>(tasks: Iterable<Task<T>>, options: GatherOptions & { mode: 'settled' }): Promise<Settled<T>[]>;
export function gather<T>(tasks: Iterable<Task<T>>, options?: GatherOptions & { mode?: 'fail-fast' }): Promise<T[]>;
export function gather<T>(tasks: Iterable<Task<T>>, options?: GatherOptions): Promise<T[] | Settled<T>[]>;
export async function gather<T>(tasks: Iterable<Task<T>>, options: GatherOptions = {}): Promise<T[] | Settled<T>[]> {
  const concurrency = checkConcurrency(options.concurrency, 'gather.concurrency');
  const mode = options.mode ?? 'fail-fast';
  if (mode !== 'fail-fast' && mode !== 'settled') throw new InvalidOptionError('gather.mode', mode, '"fail-fast" or "settled"');
  const results: Array<T | Settled<T>> = [];
  const pool = runPool(tasks, (task, signal) => task(signal), {
    concurrency,
    ordered: false,
    failFast: mode === 'fail-fast',
    signal: options.signal,
  });
  for await (const outcome of pool) {
    if (mode === 'settled') {
      results[outcome.index] =
        outcome.status === 'fulfilled' ? { status: 'fulfilled', value: outcome.value } : { status: 'rejected', reason: outcome.reason };
    } else if (outcome.status === 'fulfilled') {
      results[outcome.index] = outcome.value;
    }
  }
  return results as T[] | Settled<T>[];
}

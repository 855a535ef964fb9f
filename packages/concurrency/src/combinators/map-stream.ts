import { checkConcurrency } from '../internal/check-concurrency';
import { runPool } from '../internal/run-pool';

/** Options of {@link mapStream}. */
export interface MapStreamOptions {
  /** At most this many calls of `fn` at once: an integer ≥ 1, or `Infinity`. Default 16. */
  concurrency?: number;
  /** Yield results in input order (default `true`); `false` yields them as they finish. */
  ordered?: boolean;
  /** Aborting it aborts the running calls and makes the loop throw the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Maps a (possibly infinite) iterable through `fn` concurrently, lazily: an item is pulled from
 * `source` only when a call slot is free and fewer than `concurrency` results wait to be consumed, so
 * memory stays flat over millions of items and a slow consumer slows the source (backpressure).
 * The first error from `fn` aborts the other calls and is thrown from the loop; breaking out of the
 * loop aborts the running calls and closes `source`.
 * @example
 * for await (const name of mapStream(ids(), (id, signal) => getPokemonName(id, strategy, { signal }), { concurrency: 8 })) {
 *   console.log(name);
 * }
 */
export async function* mapStream<I, R>(
  source: Iterable<I> | AsyncIterable<I>,
  fn: (item: I, signal: AbortSignal) => Promise<R>,
  options: MapStreamOptions = {},
): AsyncGenerator<R, void, undefined> {
  const concurrency = checkConcurrency(options.concurrency, 'mapStream.concurrency');
  for await (const outcome of runPool(source, fn, {
    concurrency,
    ordered: options.ordered ?? true,
    failFast: true,
    signal: options.signal,
  })) {
    // failFast: rejections are thrown by the pool, so every outcome here is fulfilled.
    if (outcome.status === 'fulfilled') yield outcome.value;
  }
}

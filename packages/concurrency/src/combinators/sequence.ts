/**
 * The SEQUENTIAL form: calls `fn` on one item at a time, waiting for each result before the next call,
 * and yields the results in order. Use it when order of side effects matters or the server must not
 * see overlapping calls; use `gather` or `mapStream` to overlap the waiting.
 * @example
 * for await (const name of sequence([1, 2, 3], (id) => getPokemonName(id, strategy))) console.log(name);
 */
export async function* sequence<I, R>(
  items: Iterable<I> | AsyncIterable<I>,
  fn: (item: I, signal: AbortSignal | undefined) => Promise<R>,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<R, void, undefined> {
  for await (const item of items) {
    options.signal?.throwIfAborted();
    yield await fn(item, options.signal);
  }
}

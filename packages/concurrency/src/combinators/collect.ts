/**
 * Drains an (async) iterable into an array — `Array.fromAsync`, which Node 20 does not have (it arrived
 * in Node 22). Only for finite sources: it keeps every item.
 * @example const names = await collect(mapStream([1, 2, 3], fetchName, { concurrency: 3 }));
 */
export async function collect<T>(source: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

import { gather, mapStream, sequence } from '@waitless/concurrency';
import type { FetchStrategy } from '@waitless/core';
import { getRandomPokemonName } from '@waitless/pokeapi';
import type { RequestTally } from './request-tally';
import { workloadIndexes, workloadTasks } from './workload-indexes';

/**
 * How `names` and `compare` fetch: `sequential` (one `for await` over `sequence`, one request at a time),
 * `gather` (bounded concurrent, results in input order at the end), `stream` (`mapStream`, each name as
 * it arrives) and `generator` (a hand-written async generator; like `sequential`, it is SEQUENTIAL:
 * each `yield` waits for its request before the next one starts).
 */
export const WORKLOAD_MODES = ['sequential', 'gather', 'stream', 'generator'] as const;
export type WorkloadMode = (typeof WORKLOAD_MODES)[number];

/** Whether a mode ever has more than one request in flight. */
export function isConcurrentMode(mode: WorkloadMode): boolean {
  return mode === 'gather' || mode === 'stream';
}

/** One fetched name and when it arrived. */
export interface FetchedName {
  /** 0-based position in the workload. */
  index: number;
  name: string;
  /** Milliseconds since the workload started. */
  atMs: number;
}

export interface NameWorkload {
  strategy: FetchStrategy;
  baseUrl: string;
  count: number;
  mode: WorkloadMode;
  /** Bound for `gather` and `stream` (`Infinity`: unbounded); ignored by the sequential modes. */
  concurrency: number;
  /** Ctrl-C: stops the loop and aborts in-flight requests. */
  signal: AbortSignal;
  /** Every outcome is recorded here; a failed request never stops the workload. */
  tally: RequestTally;
  /** Called as each name arrives (for `gather`, the names are also returned in input order). */
  onName?: (fetched: FetchedName) => void;
  /** Called whenever a request settles, success or not (progress). */
  onSettled?: () => void;
}

/**
 * Fetches `count` random Pokémon names the way `mode` says. `gather` resolves with the names in input order
 * (on abort, with those that arrived); the streaming modes hand each name to `onName` and keep none, so a
 * million requests run in bounded memory. Counts are in the tally.
 */
export async function fetchRandomNames(workload: NameWorkload): Promise<FetchedName[]> {
  const { strategy, baseUrl, count, mode, concurrency, signal, tally } = workload;
  const started = performance.now();
  const fetched: FetchedName[] = [];
  const fetchOne = async (index: number, callSignal: AbortSignal | undefined): Promise<FetchedName | undefined> => {
    const name = await tally.settle(() => getRandomPokemonName(strategy, { baseUrl, signal: callSignal }));
    workload.onSettled?.();
    if (name === undefined) return undefined;
    const entry = { index, name, atMs: performance.now() - started };
    if (mode === 'gather') fetched.push(entry);
    workload.onName?.(entry);
    return entry;
  };

  try {
    switch (mode) {
      case 'sequential':
        // drain() is a for-await loop: sequence() awaits each call before it starts the next.
        await drain(sequence(workloadIndexes(count), fetchOne, { signal }));
        break;
      case 'generator':
        // As above: the generator only resumes after its previous request finished.
        await drain(oneAtATime(workloadIndexes(count), fetchOne, signal));
        break;
      case 'gather': {
        const results = await gather(workloadTasks(count, fetchOne), { concurrency, signal });
        return results.filter((entry): entry is FetchedName => entry !== undefined);
      }
      case 'stream':
        // mapStream yields each result as it finishes (ordered: false); onName has printed it by then.
        await drain(mapStream(workloadIndexes(count), fetchOne, { concurrency, ordered: false, signal }));
        break;
    }
  } catch (error) {
    // An abort ends the loop with the signal's reason; everything else is a bug worth surfacing.
    if (!signal.aborted) throw error;
  }
  return fetched;
}

// The seed's "async generator" version: it reads like concurrent code but each `yield` waits for
// its request, so it is exactly as SEQUENTIAL as a plain loop.
async function* oneAtATime<T>(
  indexes: Iterable<number>,
  fetchOne: (index: number, signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  for (const index of indexes) {
    if (signal.aborted) return;
    yield await fetchOne(index, signal);
  }
}

/** Runs an async iterable to its end, keeping nothing. */
async function drain(items: AsyncIterable<unknown>): Promise<void> {
  // Each item has been handed to onName already.
  const iterator = items[Symbol.asyncIterator]();
  while (!(await iterator.next()).done);
}

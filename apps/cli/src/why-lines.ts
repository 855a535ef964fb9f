import os from 'node:os';
import type { ConcurrencyProfile } from '@waitless/core';

/**
 * The strategy that runs each blocking call on a worker-thread pool (`toThread`); `--pool-size` sets its
 * `poolSize` option through config, and its "why" lines talk about threads.
 */
export const THREAD_POOL_STRATEGY = 'worker-threaded';

/**
 * Threads in Python's default executor on this machine, `min(32, cores + 4)`: what `asyncio.to_thread`
 * uses unless told otherwise (6 on a 2-core machine).
 */
export function pythonDefaultExecutorSize(cores = os.availableParallelism()): number {
  return Math.min(32, cores + 4);
}

/** What a `compare` row needs for its "why" line. */
export interface CompareRowFacts {
  strategy: string;
  mode: 'sequential' | 'gather' | 'stream' | 'generator';
  profile: ConcurrencyProfile;
  /** Requests in the run. */
  count: number;
  /** Most requests in flight at once. */
  concurrency: number;
  /** The thread pool's size, for the thread-pool strategy when it is known. */
  poolSize?: number;
}

/**
 * One plain-language sentence saying why a `compare` row came out as it did.
 * @example whyCompareRow({ strategy: 'blocking-sync', mode: 'gather', profile: 'blocking', count: 20, concurrency: 20 })
 * // 'gather cannot overlap calls that block the only JavaScript thread: …'
 */
export function whyCompareRow(row: CompareRowFacts): string {
  if (row.mode !== 'gather') {
    return `one request at a time: ${row.count} waits add up (a plain await loop, or the async comprehension collect(sequence(...)))`;
  }
  if (row.profile === 'blocking') {
    return 'gather cannot overlap calls that block the only JavaScript thread: each request holds it until its answer arrives';
  }
  const inFlight = Math.min(row.count, row.concurrency);
  if (row.strategy === THREAD_POOL_STRATEGY) {
    if (row.poolSize !== undefined && row.poolSize < inFlight) {
      return (
        `${row.poolSize} threads for ${inFlight} blocking calls: they run in ${Math.ceil(inFlight / row.poolSize)} waves ` +
        `(Python's default executor is min(32, cores + 4) = ${pythonDefaultExecutorSize()} threads here)`
      );
    }
    const threads = row.poolSize === undefined ? 'a thread each' : `${row.poolSize} threads ≥ ${inFlight} calls`;
    return `to_thread: every blocking call waits at once on a worker thread (${threads}); the main thread stays free`;
  }
  if (inFlight < row.count) {
    return `gather overlaps the waits, but at most ${inFlight} at once: ${Math.ceil(row.count / inFlight)} waves of non-blocking requests`;
  }
  return `gather overlaps the waits: all ${inFlight} non-blocking requests wait at once, on one thread that stays free`;
}

/** How the `starve` request reaches the network for a strategy: the code path behind its promise. */
export function requestPath(strategy: string, profile: ConcurrencyProfile): string {
  if (profile === 'blocking') return 'strategy.fetch() blocks this thread in a synchronous request before its promise can settle';
  if (strategy === THREAD_POOL_STRATEGY)
    return 'strategy.fetch() posts the blocking call to a worker thread (toThread) and returns a promise';
  return 'strategy.fetch() starts non-blocking I/O and returns a promise at once';
}

/** One plain-language sentence saying why the `starve` counter froze or kept ticking. */
export function whyStarve(strategy: string, profile: ConcurrencyProfile, froze: boolean): string {
  if (froze) {
    return (
      'the request blocks the only JavaScript thread: an un-awaited promise (create_task) and gather only interleave ' +
      'code that awaits, so the counter waits until the response is in'
    );
  }
  if (profile === 'blocking') return 'the request blocked the thread for less than a few ticks, too short to see; raise --latency';
  if (strategy === THREAD_POOL_STRATEGY) {
    return 'the blocking call runs on a worker thread (to_thread); this thread only awaits its answer, so the counter keeps ticking';
  }
  return 'the request is non-blocking I/O: the event loop runs the counter while the socket waits';
}

import { getMaxListeners, setMaxListeners } from 'node:events';

// Far above any sane number of calls in flight on one caller signal; undici's fetch raises it the same way.
const LISTENERS_PER_CALLER_SIGNAL = 100_000;
const widened = new WeakSet<AbortSignal>();

/**
 * Raises the listener limit of a signal that many calls in flight listen on at once (a stream's, a CLI
 * run's), so Node does not warn about a leak that is none. Once per signal; a limit of 0 stays unlimited.
 * @example allowManyListeners(poolSignal); // before handing it to every task of the pool
 */
export function allowManyListeners(signal: AbortSignal): void {
  if (widened.has(signal)) return;
  widened.add(signal);
  try {
    const limit = getMaxListeners(signal);
    if (limit > 0 && limit < LISTENERS_PER_CALLER_SIGNAL) setMaxListeners(LISTENERS_PER_CALLER_SIGNAL, signal);
  } catch {
    // Node 20 throws for a signal whose limit is 0 ("unlimited"): nothing to raise.
  }
}

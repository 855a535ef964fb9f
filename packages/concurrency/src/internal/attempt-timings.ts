import type { AttemptTimings, FetchResult } from '@waitless/core/plugin';

// A failed call's timings are noted on its error with core's `noteOnError`, so the tracing channel reads them too.

/**
 * The result with this decorator's share added: the call's original `queuedAt` (the earliest seen),
 * `attempts` and `waitedMs` summed through the chain.
 */
export function addTimings<T>(result: FetchResult<T>, queuedAt: number, extra: Partial<AttemptTimings>): FetchResult<T> {
  const t = result.timings;
  return {
    ...result,
    timings: {
      ...t,
      queuedAt: Math.min(queuedAt, t.queuedAt),
      attempts: t.attempts + (extra.attempts ?? 0),
      waitedMs: t.waitedMs + (extra.waitedMs ?? 0),
    },
  };
}

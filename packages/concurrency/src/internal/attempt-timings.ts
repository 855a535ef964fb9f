import type { FetchResult } from '@waitless/core/plugin';

/** Attempts and waiting a call accumulated, whether it ended in a result or an error. */
export interface AttemptTimings {
  attempts: number;
  waitedMs: number;
}

// A failed call has no result to carry its timings, so decorators note them on the error object.
// Module-private and weak: nothing leaks and the public error classes stay unchanged.
const onErrors = new WeakMap<object, AttemptTimings>();

/** Adds waiting (and attempts) spent by this decorator to a failed call's error, for the retry decorator above. */
export function noteOnError(error: unknown, extra: Partial<AttemptTimings>): void {
  if (typeof error !== 'object' || error === null) return;
  const current = onErrors.get(error) ?? { attempts: 1, waitedMs: 0 };
  onErrors.set(error, { attempts: current.attempts + (extra.attempts ?? 0), waitedMs: current.waitedMs + (extra.waitedMs ?? 0) });
}

/** What a failed call accumulated: one attempt and no waiting unless a decorator noted more. */
export function timingsOfError(error: unknown): AttemptTimings {
  if (typeof error !== 'object' || error === null) return { attempts: 1, waitedMs: 0 };
  return onErrors.get(error) ?? { attempts: 1, waitedMs: 0 };
}

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

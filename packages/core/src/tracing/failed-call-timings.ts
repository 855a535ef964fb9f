/** Attempts and waiting a call accumulated, whether it ended in a result or an error. */
export interface AttemptTimings {
  attempts: number;
  waitedMs: number;
}

// A failed call has no result to carry its timings, so decorators note them on the error object, and the
// tracing channel reads them back. Module-private and weak: nothing leaks and the error classes stay unchanged.
const onErrors = new WeakMap<object, AttemptTimings>();

/**
 * Adds attempts and waiting spent by a decorator to a failed call's error, for the decorators above it and the
 * `waitless:fetch` tracing channel.
 * @example catch (error) { noteOnError(error, { waitedMs }); throw error; }
 */
export function noteOnError(error: unknown, extra: Partial<AttemptTimings>): void {
  if (typeof error !== 'object' || error === null) return;
  const current = onErrors.get(error) ?? { attempts: 1, waitedMs: 0 };
  onErrors.set(error, { attempts: current.attempts + (extra.attempts ?? 0), waitedMs: current.waitedMs + (extra.waitedMs ?? 0) });
}

/**
 * What a failed call accumulated: one attempt and no waiting unless a decorator noted more.
 * @example const { attempts } = failedCallTimings(error);
 */
export function failedCallTimings(error: unknown): AttemptTimings {
  if (typeof error !== 'object' || error === null) return { attempts: 1, waitedMs: 0 };
  return onErrors.get(error) ?? { attempts: 1, waitedMs: 0 };
}

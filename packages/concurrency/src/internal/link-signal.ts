import { setMaxListeners } from 'node:events';

function nothingToUnlink(): void {
  // No listener was added, so there is nothing to remove.
}

/**
 * An AbortController that also aborts when `outer` does, plus `unlink` to drop the listener.
 * Hand-rolled rather than `AbortSignal.any` so a long-lived outer signal never accumulates dependents.
 */
export function linkedController(outer: AbortSignal | undefined): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  // One shared signal feeds every in-flight task; hundreds of listeners on it are expected, not a leak.
  // Not 0 ("unlimited"): on Node 20 getMaxListeners() throws for a signal whose limit is 0.
  setMaxListeners(100_000, controller.signal);
  if (!outer) return { controller, unlink: nothingToUnlink };
  if (outer.aborted) {
    controller.abort(outer.reason);
    return { controller, unlink: nothingToUnlink };
  }
  const onAbort = (): void => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => outer.removeEventListener('abort', onAbort) };
}

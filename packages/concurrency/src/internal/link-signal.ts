import { allowManyListeners } from '@waitless/core';

function nothingToUnlink(): void {
  // No listener was added, so there is nothing to remove.
}

/**
 * An AbortController that also aborts when `outer` does, plus `unlink` to drop the listener.
 * Hand-rolled rather than `AbortSignal.any` so a long-lived outer signal never accumulates dependents.
 */
export function linkedController(outer: AbortSignal | undefined): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  // A pool's signal feeds every task it runs; the outer one may be shared by many pools and calls.
  allowManyListeners(controller.signal);
  if (!outer) return { controller, unlink: nothingToUnlink };
  allowManyListeners(outer);
  if (outer.aborted) {
    controller.abort(outer.reason);
    return { controller, unlink: nothingToUnlink };
  }
  const onAbort = (): void => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => outer.removeEventListener('abort', onAbort) };
}

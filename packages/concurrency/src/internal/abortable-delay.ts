import { allowManyListeners } from '@waitless/core/plugin';

/**
 * Resolves after `ms`, or rejects with `onAbort()` the moment `signal` fires (the timer is cleared,
 * so an aborted backoff or rate-limit wait leaves nothing behind).
 */
export function abortableDelay(ms: number, signal: AbortSignal | undefined, onAbort: () => unknown): Promise<void> {
  if (signal?.aborted) return Promise.reject(onAbort());
  return new Promise<void>((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal) {
      allowManyListeners(signal);
      signal.addEventListener('abort', abort, { once: true });
    }
  });
}

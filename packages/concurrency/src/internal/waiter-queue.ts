import { allowManyListeners } from '@waitless/core/plugin';

interface Waiter {
  grant: () => void;
  cancelled: boolean;
}

/**
 * The FIFO line behind the semaphore and the rate limiter: callers wait in arrival order, a caller whose
 * signal fires leaves at once, and the line compacts itself so a queue that never drains (a sustained
 * rate limit) does not keep every waiter it ever saw.
 */
export class WaiterQueue {
  private readonly queue: Waiter[] = [];
  private head = 0;

  /**
   * Resolves when {@link grantNext} reaches this caller; rejects with `onAbort()` if `signal` fires first,
   * after which `onCancel` lets the owner serve whoever is next.
   */
  wait(signal: AbortSignal | undefined, onAbort: () => unknown, onCancel?: () => void): Promise<void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    return new Promise<void>((resolve, reject) => {
      const abort = (): void => {
        waiter.cancelled = true;
        reject(onAbort());
        onCancel?.();
      };
      const waiter: Waiter = {
        cancelled: false,
        grant: () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        },
      };
      if (signal) {
        allowManyListeners(signal);
        signal.addEventListener('abort', abort, { once: true });
      }
      this.queue.push(waiter);
    });
  }

  /** True when someone (not cancelled) is waiting. */
  hasWaiter(): boolean {
    while (this.head < this.queue.length && this.queue[this.head].cancelled) this.head++;
    this.compact();
    return this.head < this.queue.length;
  }

  /** Lets the first waiter go; call only after {@link hasWaiter} said there is one. */
  grantNext(): void {
    this.queue[this.head++].grant();
    this.compact();
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

import { InvalidOptionError } from '../errors/invalid-option-error';

interface Waiter {
  grant: () => void;
  cancelled: boolean;
}

/**
 * A counting semaphore with a FIFO queue: at most `limit` holders at once, waiters served in arrival
 * order, and a waiter whose signal fires leaves the queue at once.
 * @example const release = await semaphore.acquire(signal); try { await work(); } finally { release(); }
 */
export class FifoSemaphore {
  private holders = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;

  constructor(readonly limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new InvalidOptionError('limit', limit, 'an integer ≥ 1');
  }

  /** Callers holding a slot now. */
  get inUse(): number {
    return this.holders;
  }

  /** Callers waiting for a slot now. */
  get waiting(): number {
    return this.queue.slice(this.head).filter((w) => !w.cancelled).length;
  }

  /** Resolves with a `release` function once a slot is free; rejects with `onAbort()` if `signal` fires first. */
  acquire(signal?: AbortSignal, onAbort: () => unknown = () => signal?.reason): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    if (this.holders < this.limit && this.head === this.queue.length) {
      this.holders++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const abort = (): void => {
        waiter.cancelled = true;
        reject(onAbort());
      };
      const waiter: Waiter = {
        cancelled: false,
        grant: () => {
          signal?.removeEventListener('abort', abort);
          resolve(this.releaser());
        },
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.queue.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      this.grantNext();
    };
  }

  private grantNext(): void {
    while (this.holders < this.limit && this.head < this.queue.length) {
      const waiter = this.queue[this.head++];
      if (waiter.cancelled) continue;
      this.holders++;
      waiter.grant();
    }
    // Compact occasionally so a long-lived queue does not keep every waiter ever seen.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

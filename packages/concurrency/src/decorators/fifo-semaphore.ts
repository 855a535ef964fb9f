import { InvalidOptionError } from '../errors/invalid-option-error';
import { WaiterQueue } from '../internal/waiter-queue';

/**
 * A counting semaphore with a FIFO queue: at most `limit` holders at once, waiters served in arrival
 * order, and a waiter whose signal fires leaves the queue at once.
 * @example const release = await semaphore.acquire(signal); try { await work(); } finally { release(); }
 */
export class FifoSemaphore {
  private holders = 0;
  private readonly waiters = new WaiterQueue();

  constructor(readonly limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new InvalidOptionError('limit', limit, 'an integer ≥ 1');
  }

  /** Resolves with a `release` function once a slot is free; rejects with `onAbort()` if `signal` fires first. */
  acquire(signal?: AbortSignal, onAbort: () => unknown = () => signal?.reason): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    if (this.holders < this.limit && !this.waiters.hasWaiter()) {
      this.holders++;
      return Promise.resolve(this.releaser());
    }
    return this.waiters.wait(signal, onAbort).then(() => this.releaser());
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
    while (this.holders < this.limit && this.waiters.hasWaiter()) {
      this.holders++;
      this.waiters.grantNext();
    }
  }
}

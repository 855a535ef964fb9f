import { now } from '@waitless/core';
import { InvalidOptionError } from '../errors/invalid-option-error';

interface Waiter {
  grant: () => void;
  cancelled: boolean;
}

/**
 * Admits at most `requests` starts in any sliding window of `intervalMs` (a sliding log: it remembers the
 * last `requests` start times). Waiters are served FIFO, so no caller starves, and a waiter whose signal
 * fires leaves at once. One instance is shared by every caller that must respect the same rate.
 */
export class SlidingWindowLimiter {
  // Ring of the last `requests` start times; starts[next] is the oldest once the ring is full.
  private readonly starts: number[] = [];
  private next = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly requests: number,
    readonly intervalMs: number,
  ) {
    if (!(Number.isInteger(requests) && requests >= 1)) throw new InvalidOptionError('rateLimit.requests', requests, 'an integer ≥ 1');
    if (!(Number.isFinite(intervalMs) && intervalMs > 0)) throw new InvalidOptionError('rateLimit.intervalMs', intervalMs, 'a number of milliseconds > 0');
  }

  /** Resolves when the caller may start; rejects with `onAbort()` if `signal` fires while it waits. */
  acquire(signal?: AbortSignal, onAbort: () => unknown = () => signal?.reason): Promise<void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    return new Promise<void>((resolve, reject) => {
      const abort = (): void => {
        waiter.cancelled = true;
        reject(onAbort());
        this.pump();
      };
      const waiter: Waiter = {
        cancelled: false,
        grant: () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        },
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    while (this.head < this.queue.length) {
      const waiter = this.queue[this.head];
      if (waiter.cancelled) {
        this.head++;
        continue;
      }
      const t = now();
      const waitMs = this.waitBefore(t);
      if (waitMs > 0) {
        this.schedule(waitMs);
        return;
      }
      this.head++;
      this.record(t);
      waiter.grant();
    }
    this.queue.length = 0;
    this.head = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private waitBefore(t: number): number {
    if (this.starts.length < this.requests) return 0;
    return this.starts[this.next] + this.intervalMs - t;
  }

  private record(t: number): void {
    if (this.starts.length < this.requests) this.starts.push(t);
    else this.starts[this.next] = t;
    this.next = (this.next + 1) % this.requests;
  }

  private schedule(waitMs: number): void {
    if (this.timer) return;
    // Timers may fire a fraction of a millisecond early; pump() re-checks against the clock and reschedules.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.ceil(waitMs));
  }
}

import { now } from '@waitless/core/plugin';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { WaiterQueue } from '../internal/waiter-queue';

/**
 * Admits at most `requests` starts in any sliding window of `intervalMs` (a sliding log: it remembers the
 * last `requests` start times). Waiters are served FIFO, so no caller starves, and a waiter whose signal
 * fires leaves at once. One instance is shared by every caller that must respect the same rate.
 */
export class SlidingWindowLimiter {
  // Ring of the last `requests` start times; starts[next] is the oldest once the ring is full.
  private readonly starts: number[] = [];
  private next = 0;
  private readonly waiters = new WaiterQueue();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly requests: number,
    readonly intervalMs: number,
  ) {
    if (!(Number.isInteger(requests) && requests >= 1)) throw new InvalidOptionError('rateLimit.requests', requests, 'an integer ≥ 1');
    if (!(Number.isFinite(intervalMs) && intervalMs > 0))
      throw new InvalidOptionError('rateLimit.intervalMs', intervalMs, 'a number of milliseconds > 0');
  }

  /** Resolves when the caller may start; rejects with `onAbort()` if `signal` fires while it waits. */
  acquire(signal?: AbortSignal, onAbort: () => unknown = () => signal?.reason): Promise<void> {
    const granted = this.waiters.wait(signal, onAbort, () => this.pump());
    this.pump();
    return granted;
  }

  private pump(): void {
    while (this.waiters.hasWaiter()) {
      const t = now();
      const waitMs = this.waitBefore(t);
      if (waitMs > 0) {
        this.schedule(waitMs);
        return;
      }
      this.record(t);
      this.waiters.grantNext();
    }
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

import { EventEmitter } from 'node:events';
import type { FixtureRequestRecord, FixtureStats, RequestEndEvent, RequestStartEvent } from './fixture-stats';
import { nowMs } from './now-ms';

/** How many request records `stats().requests` keeps. */
export const MAX_REQUEST_RECORDS = 10_000;

/** Handle for one recorded request, passed back to {@link StatsRecorder.end}. */
export interface RequestTicket {
  readonly record: FixtureRequestRecord;
  readonly generation: number;
}

interface Waiter {
  readonly target: number;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly cleanup: () => void;
}

/**
 * Counts requests for a fixture server, emits `request-start` / `request-end`, and resolves
 * `waitForRequests` promises as requests arrive (no polling). Records live in a fixed-size ring.
 */
export class StatsRecorder {
  /** Emits `request-start` ({@link RequestStartEvent}) and `request-end` ({@link RequestEndEvent}). */
  readonly events = new EventEmitter();

  private nextId = 1;
  // Bumped by reset(): requests that started before it still end, but are not counted again.
  private generation = 0;
  private total = 0;
  private inFlight = 0;
  private maxInFlight = 0;
  private completed = 0;
  private clientAborted = 0;
  private byPath = new Map<string, number>();
  private ring: FixtureRequestRecord[] = [];
  private ringStart = 0;
  private waiters: Waiter[] = [];

  /** Records a request that has just arrived. */
  start(method: string, path: string): RequestTicket {
    const record: FixtureRequestRecord = { id: this.nextId++, method, path, startedAt: nowMs() };
    this.total++;
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
    if (this.ring.length < MAX_REQUEST_RECORDS) {
      this.ring.push(record);
    } else {
      this.ring[this.ringStart] = record;
      this.ringStart = (this.ringStart + 1) % MAX_REQUEST_RECORDS;
    }
    if (this.events.listenerCount('request-start') > 0) {
      const event: RequestStartEvent = { id: record.id, method, path, startedAt: record.startedAt };
      this.events.emit('request-start', event);
    }
    if (this.waiters.length > 0) this.settleWaiters();
    return { record, generation: this.generation };
  }

  /** Records the end of a request: sent with `status`, aborted by the client, or reset on purpose. */
  end(ticket: RequestTicket, outcome: { status?: number; aborted: boolean; reset: boolean }): void {
    const { record } = ticket;
    record.endedAt = nowMs();
    if (outcome.status !== undefined) record.status = outcome.status;
    if (outcome.aborted) record.aborted = true;
    if (outcome.reset) record.reset = true;
    this.inFlight--;
    if (ticket.generation === this.generation) {
      if (outcome.aborted) this.clientAborted++;
      else if (!outcome.reset) this.completed++;
    }
    if (this.events.listenerCount('request-end') > 0) {
      const event: RequestEndEvent = {
        id: record.id,
        path: record.path,
        status: outcome.status,
        endedAt: record.endedAt,
        aborted: outcome.aborted,
        reset: outcome.reset,
      };
      this.events.emit('request-end', event);
    }
  }

  /** A snapshot of the counters; `requests` holds copies, oldest first. */
  snapshot(): FixtureStats {
    const ordered = [...this.ring.slice(this.ringStart), ...this.ring.slice(0, this.ringStart)];
    return {
      total: this.total,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      completed: this.completed,
      clientAborted: this.clientAborted,
      byPath: Object.fromEntries(this.byPath),
      requests: ordered.map((r) => ({ ...r })),
    };
  }

  /** Starts counting afresh; in-flight requests stay in `inFlight` until they end. */
  reset(): void {
    this.generation++;
    this.total = 0;
    this.maxInFlight = this.inFlight;
    this.completed = 0;
    this.clientAborted = 0;
    this.byPath = new Map();
    this.ring = [];
    this.ringStart = 0;
  }

  /** Resolves once `n` requests have started since the last reset; rejects if `signal` aborts. */
  waitForRequests(n: number, signal?: AbortSignal): Promise<void> {
    if (!Number.isInteger(n) || n < 0) {
      return Promise.reject(new RangeError(`waitForRequests(n) needs an integer n ≥ 0, got ${String(n)}`));
    }
    if (this.total >= n) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        target: n,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Rejects every pending `waitForRequests` promise (used when the server closes). */
  rejectWaiters(reason: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      waiter.cleanup();
      waiter.reject(reason);
    }
  }

  private settleWaiters(): void {
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.total >= waiter.target) {
        waiter.cleanup();
        waiter.resolve();
      } else {
        still.push(waiter);
      }
    }
    this.waiters = still;
  }
}

import type { EventEmitter } from 'node:events';
import type { FaultOptions } from './fault-options';
import type { FixtureStats } from './fixture-stats';

/** A running fixture PokeAPI, returned by {@link startFixtureServer}. */
export interface FixtureServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The bound port (useful when started on port 0). */
  readonly port: number;
  /** A snapshot of the request counters since the last reset. */
  stats(): FixtureStats;
  /** Zeroes the counters, the request log and the `failTimes` attempt counts. */
  resetStats(): void;
  /**
   * Resolves once `n` requests have started since the last reset (immediately if they already
   * have). Event-driven; rejects with `signal.reason` on abort, or when the server closes.
   */
  waitForRequests(n: number, opts?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Emits `request-start` ({@link RequestStartEvent}) when a request arrives and `request-end`
   * ({@link RequestEndEvent}) when its response finishes, the client aborts or the socket is reset.
   */
  readonly events: EventEmitter;
  /** Changes the server-wide fault defaults; `undefined` values restore the built-in default. */
  setDefaults(partial: Partial<FaultOptions>): void;
  /** Stops listening and closes every socket, idle keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

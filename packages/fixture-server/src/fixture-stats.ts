/** One request as the fixture server saw it. */
export interface FixtureRequestRecord {
  /** Unique, increasing across the server's life (not reset by `resetStats`). */
  id: number;
  method: string;
  /** Path without the query string, e.g. `/api/v2/pokemon/25`. */
  path: string;
  /** Epoch milliseconds with sub-millisecond precision (`performance.timeOrigin + performance.now()`). */
  startedAt: number;
  endedAt?: number;
  /** Status sent; absent when the client aborted or the socket was reset on purpose. */
  status?: number;
  /** True when the client closed the connection before the response finished. */
  aborted?: boolean;
  /** True when the server destroyed the socket on purpose (`resetRate`). */
  reset?: boolean;
}

/**
 * Counters since the last `resetStats()`. Control routes (`/__stats`, `/__reset`) are not counted.
 */
export interface FixtureStats {
  /** Requests started. */
  total: number;
  /** Requests started and not yet ended (live, across resets). */
  inFlight: number;
  /** Highest `inFlight` seen. */
  maxInFlight: number;
  /** Responses fully sent. */
  completed: number;
  /** Requests whose client closed the connection before the response finished. */
  clientAborted: number;
  /** Requests started, per path (without query string). */
  byPath: Record<string, number>;
  /** The most recent requests, oldest first; at most 10,000 so long benchmarks stay bounded. */
  requests: FixtureRequestRecord[];
}

/** Payload of the `request-start` event. */
export interface RequestStartEvent {
  id: number;
  method: string;
  path: string;
  startedAt: number;
}

/** Payload of the `request-end` event. */
export interface RequestEndEvent {
  id: number;
  path: string;
  status: number | undefined;
  endedAt: number;
  aborted: boolean;
  reset: boolean;
}

/** How a run issues its requests: one after another, or up to `concurrency` at once. */
export type RunMode = 'sequential' | 'gather';

/** A validated run request (the body of `POST /api/runs`, defaults applied). */
export interface RunParams {
  strategy: string;
  count: number;
  concurrency: number;
  latencyMs: number;
  errorRate: number;
  mode: RunMode;
  /** `fixture` (the embedded fixture server) or one of the config's `allowedBaseUrls`. */
  target: string;
}

/** What the web app shows in its strategy picker (`GET /api/strategies`). */
export interface StrategyInfo {
  name: string;
  description: string;
  profile: 'blocking' | 'concurrent';
  packageName: string;
  /** The strategy the config selects (preselected in the page). */
  active: boolean;
}

/**
 * What a run's speedup is measured against. `ideal-sequential`: `count × latency`, the time the requests would
 * take one after another at the fixture server's configured latency (nothing is re-run). `sum-of-durations`:
 * Σ of the measured request durations, used when there is no configured latency (a real target, or 0 ms).
 */
export type SpeedupBaseline = 'ideal-sequential' | 'sum-of-durations';

/** Latency percentiles over the settled requests, in ms (nearest-rank). */
export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Totals of one run, sent with `run-end` (and computed by the page from what settled when a run broke). */
export interface RunSummary {
  /** First request dispatched → last request settled, in ms. Warm-up is before the first dispatch, so not in here. */
  wallMs: number;
  /** Sum of every settled request's own duration, in ms. */
  sumDurationMs: number;
  /** What {@link speedup} divides: see {@link SpeedupBaseline}. */
  baseline: SpeedupBaseline;
  /** The baseline's time in ms. */
  baselineMs: number;
  /** `baselineMs / wallMs`. */
  speedup: number;
  /** The best wall time the chosen concurrency allows: `ceil(settled / concurrency) × latency`; 0 when there is no configured latency. */
  idealWallMs: number;
  /** Latency percentiles of the settled requests (start → end). */
  latency: LatencyPercentiles;
  /** Settled requests per second of wall time. */
  requestsPerSecond: number;
  /** Σ time the requests waited before their last attempt started (queues, thread hand-off, rate limits, retry back-off), ms. */
  waitingMs: number;
  /** Σ time the last attempts were on the wire (sent → body read), ms. */
  wireMs: number;
  /** Longest heartbeat gap minus the 10 ms interval: how long the loop could not turn. */
  maxLagMs: number;
  ok: number;
  failed: number;
  /** Requests that needed more than one attempt (decorators such as retry). */
  retried: number;
  /** Requests dispatched before the run ended (less than `count` when cancelled). */
  dispatched: number;
  cancelled: boolean;
}

/** The server handed the run to a worker thread: a fresh one (`reused: false`, it must start first) or a warm one from an earlier run. */
export interface RunWorkerEvent {
  type: 'worker';
  reused: boolean;
}

/** The worker is warming up: untimed rounds of `requests` requests at once start the strategy's threads and connections. */
export interface WarmUpStartEvent {
  type: 'warm-up-start';
  requests: number;
}

/** How the untimed warm-up before a run went. */
export interface WarmUpReport {
  /** How long the warm-up took, ms. It is not part of the run's wall time or speedup. */
  ms: number;
  /** Warm-up requests sent (they reach the target like any other). */
  sent: number;
  failed: number;
  /** Whether this run's worker thread was reused from an earlier run (warm) rather than started for it. */
  reusedWorker: boolean;
}

/** The worker started and the first request is about to be dispatched at `t0` (epoch ms). */
export interface RunStartEvent {
  type: 'run-start';
  runId: string;
  params: RunParams;
  profile: 'blocking' | 'concurrent';
  t0: number;
  heartbeatIntervalMs: number;
  warmUp: WarmUpReport;
}

/** Request `index` was handed to the strategy at `at` (epoch ms). */
export interface RequestStartEvent {
  type: 'request-start';
  index: number;
  at: number;
}

/** Request `index` settled; `startedAt`/`endedAt` are epoch ms. */
export interface RequestEndEvent {
  type: 'request-end';
  index: number;
  startedAt: number;
  endedAt: number;
  /** Of `endedAt − startedAt`, how long the request waited before its last attempt went on the wire, ms. */
  waitedMs: number;
  ok: boolean;
  /** HTTP status when one arrived. */
  status?: number;
  attempts: number;
  /** One line, when the request failed. */
  error?: string;
}

/** Heartbeat ticks (epoch ms) since the previous batch, from the loop that runs the requests. */
export interface HeartbeatEvent {
  type: 'heartbeat';
  ticks: number[];
}

/** The run is over; no more events follow. A cancelled run ends with this too, summarising what settled. */
export interface RunEndEvent {
  type: 'run-end';
  endedAt: number;
  summary: RunSummary;
  /** Set when the server stopped the run (its limit on a run's duration), in words. */
  stoppedBecause?: string;
}

/** The run could not start or broke; no more events follow. */
export interface RunErrorEvent {
  type: 'run-error';
  message: string;
}

/** Everything `GET /api/runs/:id/events` streams, one JSON object per SSE message. */
export type RunEvent =
  RunWorkerEvent | WarmUpStartEvent | RunStartEvent | RequestStartEvent | RequestEndEvent | HeartbeatEvent | RunEndEvent | RunErrorEvent;

/** Heartbeat interval of the run's loop, in ms. */
export const HEARTBEAT_INTERVAL_MS = 10;

/** Limits shared by validation and the page's inputs. */
export const RUN_LIMITS = {
  count: { min: 1, max: 500 },
  concurrency: { min: 1, max: 500 },
  latencyMs: { min: 0, max: 5000 },
  errorRate: { min: 0, max: 1 },
} as const;

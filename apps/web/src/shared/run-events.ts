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

/** Totals of one run, sent with `run-end`. */
export interface RunSummary {
  /** First request dispatched → last request settled, in ms. */
  wallMs: number;
  /** Sum of every request's own duration, in ms: what a sequential run would need. */
  sumDurationMs: number;
  /** `sumDurationMs / wallMs`: speedup over running the same requests one after another. */
  speedup: number;
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

/** The worker started and the first request is about to be dispatched at `t0` (epoch ms). */
export interface RunStartEvent {
  type: 'run-start';
  runId: string;
  params: RunParams;
  profile: 'blocking' | 'concurrent';
  t0: number;
  heartbeatIntervalMs: number;
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

/** The run is over; no more events follow. */
export interface RunEndEvent {
  type: 'run-end';
  endedAt: number;
  summary: RunSummary;
}

/** The run could not start or broke; no more events follow. */
export interface RunErrorEvent {
  type: 'run-error';
  message: string;
}

/** Everything `GET /api/runs/:id/events` streams, one JSON object per SSE message. */
export type RunEvent = RunStartEvent | RequestStartEvent | RequestEndEvent | HeartbeatEvent | RunEndEvent | RunErrorEvent;

/** Heartbeat interval of the run's loop, in ms. */
export const HEARTBEAT_INTERVAL_MS = 10;

/** Limits shared by validation and the page's inputs. */
export const RUN_LIMITS = {
  count: { min: 1, max: 500 },
  concurrency: { min: 1, max: 500 },
  latencyMs: { min: 0, max: 5000 },
  errorRate: { min: 0, max: 1 },
} as const;

import { HEARTBEAT_INTERVAL_MS, type RunEvent, type RunParams, type RunSummary } from '../shared/run-events';

/** One request as the page draws it; times are ms since the run's `t0`. */
export interface RequestBar {
  index: number;
  start: number;
  end?: number;
  ok?: boolean;
  status?: number;
  attempts?: number;
  error?: string;
}

/** Everything the page knows about one run, built from its event stream. */
export interface RunRecord {
  id: string;
  params: RunParams;
  state: 'starting' | 'running' | 'done' | 'cancelled' | 'error';
  profile?: 'blocking' | 'concurrent';
  /** Server epoch ms of the first dispatch; every other time is relative to it. */
  t0?: number;
  heartbeatIntervalMs: number;
  bars: Map<number, RequestBar>;
  /** Heartbeat ticks, ms since t0 (negative: warm-up before the first request). */
  ticks: number[];
  /** Latest server time seen (ms since t0) and when it arrived (`performance.now()`), to extrapolate "now". */
  lastSeen: { at: number; receivedAt: number };
  endedAt?: number;
  summary?: RunSummary;
  error?: string;
}

/** A fresh record for a run that was just created. */
export function newRunRecord(id: string, params: RunParams): RunRecord {
  return {
    id,
    params,
    state: 'starting',
    heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
    bars: new Map(),
    ticks: [],
    lastSeen: { at: 0, receivedAt: performance.now() },
  };
}

/** Folds one stream event into the record. */
export function applyRunEvent(record: RunRecord, event: RunEvent): void {
  const rel = (epoch: number): number => epoch - (record.t0 ?? epoch);
  const seen = (at: number): void => {
    if (at >= record.lastSeen.at) record.lastSeen = { at, receivedAt: performance.now() };
  };
  switch (event.type) {
    case 'run-start':
      record.state = 'running';
      record.profile = event.profile;
      record.t0 = event.t0;
      record.heartbeatIntervalMs = event.heartbeatIntervalMs;
      // Ticks can arrive before run-start; they were kept as epoch times until t0 was known.
      record.ticks = record.ticks.map((t) => t - event.t0);
      seen(0);
      break;
    case 'heartbeat':
      for (const tick of event.ticks) record.ticks.push(record.t0 === undefined ? tick : rel(tick));
      if (record.t0 !== undefined) seen(rel(event.ticks[event.ticks.length - 1]));
      break;
    case 'request-start':
      record.bars.set(event.index, { index: event.index, start: rel(event.at) });
      seen(rel(event.at));
      break;
    case 'request-end':
      record.bars.set(event.index, {
        index: event.index,
        start: rel(event.startedAt),
        end: rel(event.endedAt),
        ok: event.ok,
        status: event.status,
        attempts: event.attempts,
        error: event.error,
      });
      seen(rel(event.endedAt));
      break;
    case 'run-end':
      record.state = event.summary.cancelled ? 'cancelled' : 'done';
      record.endedAt = rel(event.endedAt);
      record.summary = event.summary;
      seen(record.endedAt);
      break;
    case 'run-error':
      record.state = 'error';
      record.error = event.message;
      break;
  }
}

/** The run's current time (ms since t0): its end, or the last event extrapolated by the time since it arrived. */
export function currentTime(record: RunRecord): number {
  if (record.endedAt !== undefined) return record.endedAt;
  if (record.state !== 'running') return record.lastSeen.at;
  return record.lastSeen.at + (performance.now() - record.lastSeen.receivedAt);
}

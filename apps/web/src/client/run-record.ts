import { heartbeatGaps, longestGap, loopLagMs } from '@waitless/concurrency/heartbeat';
import { HEARTBEAT_INTERVAL_MS, type RunEvent, type RunParams, type RunSummary, type WarmUpReport } from '../shared/run-events';
import { summariseRun } from '../shared/run-summary';

/** One request as the page draws it; times are ms since the run's `t0`. */
export interface RequestBar {
  index: number;
  start: number;
  end?: number;
  /** Of the duration, ms spent waiting before the last attempt went on the wire. */
  waitedMs?: number;
  ok?: boolean;
  status?: number;
  attempts?: number;
  error?: string;
}

/**
 * Where a run is. `creating`: the page asked the server for it; `starting`: waiting for a worker thread;
 * `warming-up`: untimed warm-up requests; `running`: the timed part; then one of the three ends.
 */
export type RunState = 'creating' | 'starting' | 'warming-up' | 'running' | 'done' | 'cancelled' | 'error';

/** Everything the page knows about one run, built from its event stream. */
export interface RunRecord {
  id: string;
  params: RunParams;
  state: RunState;
  /** When the page created it (epoch ms), for the history. */
  createdAt: number;
  profile?: 'blocking' | 'concurrent';
  /** Whether the server handed the run to a warm worker thread from an earlier run. */
  workerReused?: boolean;
  /** Warm-up requests sent at once, while warming up. */
  warmUpRequests?: number;
  warmUp?: WarmUpReport;
  /** Server epoch ms of the first dispatch; every other time is relative to it. */
  t0?: number;
  heartbeatIntervalMs: number;
  bars: Map<number, RequestBar>;
  /** Heartbeat ticks, ms since t0 (negative: before the first request). */
  ticks: number[];
  /** Latest server time seen (ms since t0) and when it arrived (`performance.now()`), to extrapolate "now". */
  lastSeen: { at: number; receivedAt: number };
  endedAt?: number;
  summary?: RunSummary;
  /** Set when the server stopped the run (its duration limit), in words. */
  stoppedBecause?: string;
  /** True when the summary was computed by the page from what settled (the stream broke before `run-end`). */
  partial?: boolean;
  error?: string;
}

/** A fresh record for a run the page is about to create. */
export function newRunRecord(params: RunParams): RunRecord {
  return {
    id: '',
    params,
    state: 'creating',
    createdAt: Date.now(),
    heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
    bars: new Map(),
    ticks: [],
    lastSeen: { at: 0, receivedAt: performance.now() },
  };
}

/** Whether the run is still going (not ended, cancelled or failed). */
export function isActive(record: RunRecord): boolean {
  return record.state === 'creating' || record.state === 'starting' || record.state === 'warming-up' || record.state === 'running';
}

/** How many requests have settled. */
export function settledCount(record: RunRecord): number {
  let settled = 0;
  for (const bar of record.bars.values()) if (bar.end !== undefined) settled++;
  return settled;
}

/** Folds one stream event into the record. */
export function applyRunEvent(record: RunRecord, event: RunEvent): void {
  const rel = (epoch: number): number => epoch - (record.t0 ?? epoch);
  const seen = (at: number): void => {
    if (at >= record.lastSeen.at) record.lastSeen = { at, receivedAt: performance.now() };
  };
  switch (event.type) {
    case 'worker':
      record.workerReused = event.reused;
      break;
    case 'warm-up-start':
      record.state = 'warming-up';
      record.warmUpRequests = event.requests;
      break;
    case 'run-start':
      record.state = 'running';
      record.profile = event.profile;
      record.t0 = event.t0;
      record.heartbeatIntervalMs = event.heartbeatIntervalMs;
      record.warmUp = event.warmUp;
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
        waitedMs: event.waitedMs,
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
      record.stoppedBecause = event.stoppedBecause;
      seen(record.endedAt);
      break;
    case 'run-error':
      record.state = 'error';
      record.error = event.message;
      break;
  }
}

/**
 * Ends a run the page could not hear the end of (cancelled without an answer, the server gone): the run keeps
 * what settled, and its summary is computed here from those requests.
 */
export function endWithoutServer(record: RunRecord, state: 'cancelled' | 'error', error?: string): void {
  record.state = state;
  if (error) record.error = error;
  if (record.summary) return;
  const settled = [...record.bars.values()].filter((b) => b.end !== undefined);
  const endedAt = record.t0 === undefined ? 0 : Math.max(record.lastSeen.at, ...settled.map((b) => b.end ?? 0));
  record.endedAt = endedAt;
  const gap = longestGap(heartbeatGaps(record.ticks, { from: 0, until: endedAt }))?.ms ?? 0;
  record.summary = summariseRun(
    settled.map((b) => ({
      startedAt: b.start,
      endedAt: b.end ?? b.start,
      waitedMs: b.waitedMs ?? 0,
      ok: b.ok ?? false,
      attempts: b.attempts ?? 1,
    })),
    {
      params: record.params,
      t0: 0,
      endedAt,
      maxLagMs: loopLagMs(gap, record.heartbeatIntervalMs),
      dispatched: record.bars.size,
      cancelled: state === 'cancelled',
    },
  );
  record.partial = true;
}

/** The run's current time (ms since t0): its end, or the last event extrapolated by the time since it arrived. */
export function currentTime(record: RunRecord): number {
  if (record.endedAt !== undefined) return record.endedAt;
  if (record.state !== 'running') return record.lastSeen.at;
  return record.lastSeen.at + (performance.now() - record.lastSeen.receivedAt);
}

/** A record as plain JSON (for the history in localStorage and for export). */
export type StoredRun = Omit<RunRecord, 'bars'> & { bars: RequestBar[] };

/** The record as plain JSON; heartbeat ticks are kept only for the timed part. */
export function toStoredRun(record: RunRecord): StoredRun {
  return {
    ...record,
    bars: [...record.bars.values()].sort((a, b) => a.index - b.index),
    ticks: record.ticks.filter((t) => t >= 0 && t <= (record.endedAt ?? Infinity)),
  };
}

/** Back from {@link toStoredRun}. */
export function fromStoredRun(stored: StoredRun): RunRecord {
  return { ...stored, bars: new Map(stored.bars.map((bar) => [bar.index, bar])) };
}

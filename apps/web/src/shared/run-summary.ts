import type { LatencyPercentiles, RunParams, RunSummary } from './run-events';

/** One settled request, in any consistent clock (epoch ms in the worker, ms since t0 in the page). */
export interface SettledRequest {
  startedAt: number;
  endedAt: number;
  /** Of the duration, how long the request waited before its last attempt went on the wire. */
  waitedMs: number;
  ok: boolean;
  attempts: number;
}

/** What {@link summariseRun} needs besides the requests. */
export interface RunTotals {
  params: RunParams;
  /** First dispatch and end of the run, same clock as the requests. */
  t0: number;
  endedAt: number;
  maxLagMs: number;
  dispatched: number;
  cancelled: boolean;
}

/**
 * Nearest-rank percentile `p` (0–100) of `values`; 0 for none.
 *
 * @example percentile([10, 20, 30, 40], 50); // 20
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/** p50 / p95 / p99 of `durations`. */
export function latencyPercentiles(durations: readonly number[]): LatencyPercentiles {
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), p99: percentile(durations, 99) };
}

/** Whether the run's latency is a known setting (the embedded fixture server injects it), so ideal times can be computed. */
export function hasConfiguredLatency(params: RunParams): boolean {
  return params.target === 'fixture' && params.latencyMs > 0;
}

/** The best wall time for `requests` at the run's concurrency and configured latency; 0 without a configured latency. */
export function idealWallMs(params: RunParams, requests = params.count): number {
  if (!hasConfiguredLatency(params)) return 0;
  const concurrency = params.mode === 'sequential' ? 1 : params.concurrency;
  return Math.ceil(requests / concurrency) * params.latencyMs;
}

/**
 * Totals of a run from its settled requests. Speedup divides the ideal sequential time (`settled × latency`) by the
 * wall time when the latency is a known setting, else the sum of the measured durations: see `SpeedupBaseline`.
 * The worker sends this with `run-end`; the page computes the same from what settled when a run broke off.
 */
export function summariseRun(requests: readonly SettledRequest[], totals: RunTotals): RunSummary {
  const { params } = totals;
  const wallMs = Math.max(0, totals.endedAt - totals.t0);
  const durations = requests.map((r) => Math.max(0, r.endedAt - r.startedAt));
  const sumDurationMs = durations.reduce((sum, d) => sum + d, 0);
  const waitingMs = requests.reduce((sum, r, i) => sum + Math.min(durations[i], Math.max(0, r.waitedMs)), 0);
  const ideal = hasConfiguredLatency(params);
  const baselineMs = ideal ? requests.length * params.latencyMs : sumDurationMs;
  return {
    wallMs,
    sumDurationMs,
    baseline: ideal ? 'ideal-sequential' : 'sum-of-durations',
    baselineMs,
    speedup: wallMs > 0 ? baselineMs / wallMs : 0,
    idealWallMs: idealWallMs(params, requests.length),
    latency: latencyPercentiles(durations),
    requestsPerSecond: wallMs > 0 ? (requests.length * 1000) / wallMs : 0,
    waitingMs,
    wireMs: sumDurationMs - waitingMs,
    maxLagMs: totals.maxLagMs,
    ok: requests.filter((r) => r.ok).length,
    failed: requests.filter((r) => !r.ok).length,
    retried: requests.filter((r) => r.attempts > 1).length,
    dispatched: totals.dispatched,
    cancelled: totals.cancelled,
  };
}

import type { RunParams } from './run-events';
import { idealWallMs, percentile, summariseRun } from './run-summary';

const params: RunParams = {
  strategy: 'native-async',
  count: 4,
  concurrency: 2,
  latencyMs: 100,
  errorRate: 0,
  mode: 'gather',
  target: 'fixture',
};
const request = (startedAt: number, endedAt: number, extra: { waitedMs?: number; ok?: boolean; attempts?: number } = {}) => ({
  startedAt,
  endedAt,
  waitedMs: extra.waitedMs ?? 0,
  ok: extra.ok ?? true,
  attempts: extra.attempts ?? 1,
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
    expect(percentile([40, 10, 30, 20], 95)).toBe(40);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('idealWallMs', () => {
  it('is one latency per wave of `concurrency` requests, or per request when sequential', () => {
    expect(idealWallMs(params)).toBe(200);
    expect(idealWallMs({ ...params, count: 5 })).toBe(300);
    expect(idealWallMs({ ...params, mode: 'sequential' })).toBe(400);
  });

  it('is 0 without a configured latency (a real target, or 0 ms)', () => {
    expect(idealWallMs({ ...params, target: 'https://pokeapi.co' })).toBe(0);
    expect(idealWallMs({ ...params, latencyMs: 0 })).toBe(0);
  });
});

describe('summariseRun', () => {
  const totals = { params, t0: 1000, endedAt: 1250, maxLagMs: 3, dispatched: 4, cancelled: false };

  it('divides the ideal sequential time by the wall time, and splits waiting from time on the wire', () => {
    const summary = summariseRun(
      [
        request(1000, 1100),
        request(1000, 1120, { waitedMs: 20 }),
        request(1100, 1200, { attempts: 2 }),
        request(1120, 1250, { ok: false }),
      ],
      totals,
    );
    expect(summary).toMatchObject({
      wallMs: 250,
      baseline: 'ideal-sequential',
      baselineMs: 400,
      speedup: 400 / 250,
      idealWallMs: 200,
      latency: { p50: 100, p95: 130, p99: 130 },
      requestsPerSecond: 16,
      sumDurationMs: 450,
      waitingMs: 20,
      wireMs: 430,
      ok: 3,
      failed: 1,
      retried: 1,
    });
  });

  it('falls back to the sum of durations without a configured latency, and counts only what settled', () => {
    const summary = summariseRun([request(1000, 1100), request(1000, 1150)], {
      ...totals,
      params: { ...params, target: 'https://pokeapi.co' },
      cancelled: true,
    });
    expect(summary).toMatchObject({ baseline: 'sum-of-durations', baselineMs: 250, speedup: 1, idealWallMs: 0, cancelled: true });
  });
});

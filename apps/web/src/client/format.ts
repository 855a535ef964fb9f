/** `840 ms`, `1.24 s`, `12.3 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Axis label: `0`, `250 ms`, `1.5 s`. */
export function formatAxis(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${+(ms / 1000).toFixed(2)} s`;
}

/** A "nice" step (1, 2, 5 × 10^k) so that `domain / step` is about `target` ticks. */
export function niceStep(domain: number, target: number): number {
  const raw = domain / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** Rounds a time domain up to a nice value, so the axis does not jitter while a run grows. */
export function niceDomain(ms: number): number {
  const min = Math.max(ms, 200);
  const step = niceStep(min, 4);
  return Math.ceil(min / step) * step;
}

/** `13×`, `1.4×`: one decimal below 10. */
export function formatSpeedup(speedup: number): string {
  if (!Number.isFinite(speedup) || speedup <= 0) return '–';
  return `${speedup.toFixed(speedup >= 10 ? 0 : 1)}×`;
}

/** `42 %` of `part / whole`; `–` when whole is 0. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) return '–';
  return `${Math.round((part / whole) * 100)} %`;
}

/** `153 req/s`, `4.2 req/s`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '–';
  return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} req/s`;
}

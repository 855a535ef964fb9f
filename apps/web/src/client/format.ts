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

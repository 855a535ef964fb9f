/**
 * The median of `values` (the mean of the two middle values when the count is even).
 * Throws on an empty list: a benchmark with no samples is a bug, not a zero.
 * @example median([30, 10, 20]) // 20
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median() needs at least one value, got an empty list.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The `p`-th percentile (0..100) by the nearest-rank method: the smallest value with at least p% of
 * the values at or below it, so p99 of 100 samples is the 99th smallest and never an interpolation.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile() needs at least one value, got an empty list.');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile() needs p between 0 and 100, got ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  return sortedPercentile(sorted, p);
}

/** Median, p50, p99 and max of a latency sample, sorting it once. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Summarises latencies (any unit) with one sort, for samples of tens of thousands of calls. */
export function summarizeLatencies(values: ArrayLike<number>): LatencySummary {
  if (values.length === 0) throw new RangeError('summarizeLatencies() needs at least one value, got an empty list.');
  const sorted = Float64Array.from(values).sort(); // numeric sort, unlike Array#sort's default
  return { count: sorted.length, p50: sortedPercentile(sorted, 50), p99: sortedPercentile(sorted, 99), max: sorted[sorted.length - 1] };
}

/** Rounds to `digits` decimals, for reports (keeps JSON short and tables aligned). */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function sortedPercentile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

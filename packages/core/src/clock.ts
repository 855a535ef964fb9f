/** Epoch milliseconds with sub-millisecond precision; comparable across worker threads, unlike `performance.now()`. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Milliseconds as a whole number for tables and timelines, e.g. `1003 ms`. */
export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/** Seconds with two decimals for start-up times, e.g. `1.62 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

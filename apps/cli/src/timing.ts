/** Milliseconds as a whole number for tables and timelines, e.g. `1003 ms`. */
export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

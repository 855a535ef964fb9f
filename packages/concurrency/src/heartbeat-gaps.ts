// Pure arithmetic with no imports, so the browser can use it too (`@waitless/concurrency/heartbeat`).

/** A stretch with no heartbeat tick: the event loop could not run a timer from `start` to `end`. */
export interface HeartbeatGap {
  start: number;
  end: number;
  /** `end - start`. */
  ms: number;
}

/** Which part of a heartbeat's ticks {@link heartbeatGaps} looks at. */
export interface HeartbeatWindow {
  /** Start of the window (same clock as the ticks); the first gap runs from here to the first tick after it. */
  from: number;
  /** End of the window; ticks after it are ignored. */
  until: number;
  /** Only gaps at least this long are returned. Default 0: every gap. */
  minMs?: number;
  /**
   * True while the loop may still tick (a live run): the time since the last tick is then not a gap
   * yet. Default false: the watched work is over, so the stretch from the last tick to `until` counts.
   */
  ongoing?: boolean;
}

/**
 * The gaps between consecutive heartbeat ticks (sorted timestamps, e.g. ms) within a window. A timer
 * that should tick every few ms but shows a long gap means the event loop was blocked for that long.
 *
 * @example
 * heartbeatGaps([0, 10, 20, 250, 260], { from: 0, until: 270, minMs: 30 }); // [{ start: 20, end: 250, ms: 230 }]
 */
export function heartbeatGaps(ticks: readonly number[], window: HeartbeatWindow): HeartbeatGap[] {
  const { from, until, minMs = 0, ongoing = false } = window;
  const gaps: HeartbeatGap[] = [];
  const add = (start: number, end: number): void => {
    if (end - start >= minMs) gaps.push({ start, end, ms: end - start });
  };
  let previous = from;
  for (const tick of ticks) {
    if (tick <= from) continue;
    if (tick > until) break;
    add(previous, tick);
    previous = tick;
  }
  if (!ongoing) add(previous, until);
  return gaps;
}

/** The longest of `gaps` (the first of equals), or undefined when there are none. */
export function longestGap(gaps: readonly HeartbeatGap[]): HeartbeatGap | undefined {
  let longest: HeartbeatGap | undefined;
  for (const gap of gaps) if (!longest || gap.ms > longest.ms) longest = gap;
  return longest;
}

/**
 * How long the event loop could not run a timer: the longest gap between ticks minus the heartbeat's
 * own interval (a steady beat shows gaps of one interval), never below 0.
 *
 * @example loopLagMs(longestGap(gaps)?.ms ?? 0, 10); // a 240 ms gap at a 10 ms beat → 230
 */
export function loopLagMs(longestGapMs: number, intervalMs: number): number {
  return Math.max(0, longestGapMs - intervalMs);
}

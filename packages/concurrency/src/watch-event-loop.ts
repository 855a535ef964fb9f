import { heartbeatGaps, longestGap } from './heartbeat-gaps';

/** What a heartbeat saw while some work ran. */
export interface EventLoopWatch<T> {
  result: T;
  /** Longest gap between two heartbeats, in ms: roughly how long the event loop was blocked at most. */
  maxGapMs: number;
}

/**
 * Runs `work` while a 5 ms heartbeat records the longest gap between its ticks. A heartbeat, unlike
 * `monitorEventLoopDelay`, also catches a block that starts in the same tick as the work. The ticks
 * are kept until the work ends (200 a second at 5 ms), so watch runs of seconds, not hours.
 */
export async function watchEventLoop<T>(work: () => Promise<T>, intervalMs = 5): Promise<EventLoopWatch<T>> {
  const from = performance.now();
  const ticks: number[] = [];
  const timer = setInterval(() => ticks.push(performance.now()), intervalMs);
  try {
    const result = await work();
    const gaps = heartbeatGaps(ticks, { from, until: performance.now() });
    return { result, maxGapMs: longestGap(gaps)?.ms ?? 0 };
  } finally {
    clearInterval(timer);
  }
}

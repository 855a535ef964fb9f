/** What a heartbeat saw while some work ran. */
export interface EventLoopWatch<T> {
  result: T;
  /** Longest gap between two heartbeats, in ms: roughly how long the event loop was blocked at most. */
  maxGapMs: number;
}

/**
 * Runs `work` while a 5 ms heartbeat records the longest gap between its ticks. A heartbeat, unlike
 * `monitorEventLoopDelay`, also catches a block that starts in the same tick as the work.
 */
export async function watchEventLoop<T>(work: () => Promise<T>, intervalMs = 5): Promise<EventLoopWatch<T>> {
  let last = performance.now();
  let maxGapMs = 0;
  const tick = (): void => {
    const current = performance.now();
    maxGapMs = Math.max(maxGapMs, current - last);
    last = current;
  };
  const timer = setInterval(tick, intervalMs);
  try {
    const result = await work();
    tick();
    return { result, maxGapMs };
  } finally {
    clearInterval(timer);
  }
}

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** What {@link measureLoopLag} saw while the work ran. */
export interface LoopLagMeasurement<T> {
  result: T;
  /** Wall time of `work` alone, in ms (the warm-in before it is not counted). */
  wallMs: number;
  /** The longest time the event loop could not run a timer while `work` ran, in ms. */
  maxLoopLagMs: number;
}

const HEARTBEAT_MS = 5;
// monitorEventLoopDelay only sees a block once its own timer is running; a block that starts in the
// same tick it is enabled goes unrecorded, so it is enabled this long before the work starts.
const WARM_IN_MS = 25;

/**
 * Runs `work` and reports how long the event loop was stalled at most, from two sources: a
 * `monitorEventLoopDelay` histogram (enabled {@link WARM_IN_MS} ms early) and a 5 ms heartbeat whose
 * longest gap, minus its own interval, is the lag. The larger of the two is reported.
 */
export async function measureLoopLag<T>(work: () => Promise<T>): Promise<LoopLagMeasurement<T>> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let maxGapMs = 0;
  const beat = (): void => {
    const current = performance.now();
    maxGapMs = Math.max(maxGapMs, current - last);
    last = current;
  };
  const heartbeat = setInterval(beat, HEARTBEAT_MS);
  try {
    await sleep(WARM_IN_MS);
    histogram.reset();
    beat();
    maxGapMs = 0;
    const started = performance.now();
    const result = await work();
    const wallMs = performance.now() - started;
    beat();
    const histogramMaxMs = histogram.count > 0 ? histogram.max / 1e6 : 0;
    return { result, wallMs, maxLoopLagMs: Math.max(0, histogramMaxMs, maxGapMs - HEARTBEAT_MS) };
  } finally {
    clearInterval(heartbeat);
    histogram.disable();
  }
}

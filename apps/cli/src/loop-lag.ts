import { watchEventLoop } from '@waitless/concurrency';
import { loopLagMs } from '@waitless/concurrency/heartbeat';

/** What {@link measureLoopLag} saw while the work ran. */
export interface LoopLagMeasurement<T> {
  result: T;
  /** Wall time of `work`, in ms. */
  wallMs: number;
  /** The longest time the event loop could not run a timer while `work` ran, in ms. */
  maxLoopLagMs: number;
}

const HEARTBEAT_MS = 5;

/**
 * Runs `work` beside a 5 ms heartbeat; the longest gap between beats, minus the beat's own interval,
 * is the lag. A heartbeat also catches a block that starts in the same tick as the work.
 */
export async function measureLoopLag<T>(work: () => Promise<T>): Promise<LoopLagMeasurement<T>> {
  const started = performance.now();
  let wallMs = 0;
  const { result, maxGapMs } = await watchEventLoop(async () => {
    const value = await work();
    wallMs = performance.now() - started;
    return value;
  }, HEARTBEAT_MS);
  return { result, wallMs, maxLoopLagMs: loopLagMs(maxGapMs, HEARTBEAT_MS) };
}

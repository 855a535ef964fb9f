import { heartbeatGaps, longestGap } from '@waitless/concurrency/heartbeat';
import { now } from '@waitless/core';

/** A running heartbeat: ticks every `intervalMs` and hands them over in batches. */
export interface Heartbeat {
  /** Flushes the remaining ticks and stops both timers. */
  stop(): void;
  /** Longest gap between consecutive ticks (and from the last tick to `until`), in ms. */
  maxGapMs(from: number, until: number): number;
}

/**
 * Records `now()` every `intervalMs` on the calling thread's event loop and calls `flush` with the new
 * ticks every `flushEveryMs`. When the loop is blocked neither timer fires, so the gap shows in the ticks.
 */
export function startHeartbeat(intervalMs: number, flushEveryMs: number, flush: (ticks: number[]) => void): Heartbeat {
  const all: number[] = [now()];
  let pending: number[] = [all[0]];
  const tick = setInterval(() => {
    const at = now();
    all.push(at);
    pending.push(at);
  }, intervalMs);
  const send = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    flush(batch);
  };
  const flusher = setInterval(send, flushEveryMs);
  return {
    stop() {
      clearInterval(tick);
      clearInterval(flusher);
      send();
    },
    maxGapMs(from, until) {
      return longestGap(heartbeatGaps(all, { from, until }))?.ms ?? 0;
    },
  };
}

import { setTimeout as delay } from 'node:timers/promises';
import { watchEventLoop } from './watch-event-loop';

describe('watchEventLoop', () => {
  it('sees a synchronous block, even one that starts in the same tick', async () => {
    const { maxGapMs } = await watchEventLoop(async () => {
      const until = performance.now() + 400;
      while (performance.now() < until) {
        // busy: the event loop cannot run the heartbeat
      }
    });
    expect(maxGapMs).toBeGreaterThanOrEqual(390);
  });

  it('reports small gaps while the work only awaits', async () => {
    const { result, maxGapMs } = await watchEventLoop(async () => {
      await delay(400);
      return 'done';
    });
    expect(result).toBe('done');
    // Only scheduling noise, far below the 400 ms a block of the same length would show.
    expect(maxGapMs).toBeLessThan(300);
  });
});

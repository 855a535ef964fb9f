import { heartbeatGaps, longestGap, loopLagMs } from './heartbeat-gaps';

describe('heartbeatGaps', () => {
  const ticks = [-15, -5, 5, 15, 250, 260];

  it('measures from the window start to each tick and from the last tick to the window end', () => {
    expect(heartbeatGaps(ticks, { from: 0, until: 300 }).map((g) => [g.start, g.end])).toEqual([
      [0, 5],
      [5, 15],
      [15, 250],
      [250, 260],
      [260, 300],
    ]);
  });

  it('keeps only gaps of at least minMs and ignores ticks outside the window', () => {
    expect(heartbeatGaps(ticks, { from: 0, until: 255, minMs: 30 })).toEqual([{ start: 15, end: 250, ms: 235 }]);
    expect(heartbeatGaps(ticks, { from: 10, until: 20, minMs: 0 })).toEqual([
      { start: 10, end: 15, ms: 5 },
      { start: 15, end: 20, ms: 5 },
    ]);
  });

  it('does not count the time since the last tick while the heartbeat is ongoing', () => {
    expect(heartbeatGaps(ticks, { from: 0, until: 400, minMs: 30, ongoing: true })).toEqual([{ start: 15, end: 250, ms: 235 }]);
    expect(heartbeatGaps([], { from: 0, until: 400, ongoing: true })).toEqual([]);
    expect(heartbeatGaps([], { from: 0, until: 400 })).toEqual([{ start: 0, end: 400, ms: 400 }]);
  });
});

describe('longestGap', () => {
  it('picks the first of the longest gaps, or none', () => {
    const gaps = heartbeatGaps([10, 30, 40, 60], { from: 0, until: 60 });
    expect(longestGap(gaps)).toEqual({ start: 10, end: 30, ms: 20 });
    expect(longestGap([])).toBeUndefined();
  });
});

describe('loopLagMs', () => {
  it('subtracts the beat interval and never goes below 0', () => {
    expect(loopLagMs(240, 10)).toBe(230);
    expect(loopLagMs(4, 5)).toBe(0);
  });
});

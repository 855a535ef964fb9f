import { median, percentile, round, summarizeLatencies } from './stats';

// Wall times (ms) of real seed repetitions on this machine, and 100 latencies with a slow tail.
const SEED_RUNS = [112.4, 108.9, 131.0, 109.7, 110.2];
const LATENCIES = [...Array.from({ length: 97 }, (_, i) => 1 + i / 100), 15.5, 40.2, 88.8];

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
    expect(median(SEED_RUNS)).toBe(110.2);
    expect(median([108.9, 131.0, 109.7, 110.2])).toBeCloseTo(109.95, 10);
  });

  it('does not reorder its input', () => {
    const runs = [...SEED_RUNS];
    median(runs);
    expect(runs).toEqual(SEED_RUNS);
  });

  it('refuses an empty sample', () => {
    expect(() => median([])).toThrow('median() needs at least one value');
  });
});

describe('percentile', () => {
  it('uses nearest rank: p99 of 100 samples is the 99th smallest, p100 the max', () => {
    expect(percentile(LATENCIES, 99)).toBe(40.2);
    expect(percentile(LATENCIES, 100)).toBe(88.8);
    expect(percentile(LATENCIES, 50)).toBe(1.49);
    expect(percentile([7], 0)).toBe(7);
  });

  it('names a bad p or an empty sample', () => {
    expect(() => percentile(LATENCIES, 101)).toThrow('p between 0 and 100, got 101');
    expect(() => percentile([], 50)).toThrow('at least one value');
  });
});

describe('summarizeLatencies', () => {
  it('agrees with percentile() and sorts numerically (not as strings)', () => {
    const shuffled = Float64Array.from([...LATENCIES].reverse());
    expect(summarizeLatencies(shuffled)).toEqual({ count: 100, p50: percentile(LATENCIES, 50), p99: 40.2, max: 88.8 });
    expect(summarizeLatencies([10, 9, 100]).max).toBe(100);
  });
});

describe('round', () => {
  it('rounds to the given decimals', () => {
    expect(round(15.4567, 2)).toBe(15.46);
    expect(round(15.45)).toBe(15.5);
  });
});

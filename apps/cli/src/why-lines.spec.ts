import { pythonDefaultExecutorSize, requestPath, whyCompareRow, whyStarve } from './why-lines';

describe('why lines', () => {
  it("sizes Python's default executor as min(32, cores + 4)", () => {
    expect(pythonDefaultExecutorSize(2)).toBe(6);
    expect(pythonDefaultExecutorSize(64)).toBe(32);
  });

  it('explains each kind of compare row', () => {
    const row = { strategy: 'native-async', count: 20, concurrency: 20 } as const;
    expect(whyCompareRow({ ...row, mode: 'sequential', profile: 'concurrent' })).toMatch(/^one request at a time: 20 waits add up/);
    expect(whyCompareRow({ ...row, mode: 'gather', profile: 'concurrent' })).toMatch(/all 20 non-blocking requests wait at once/);
    expect(whyCompareRow({ ...row, mode: 'gather', profile: 'concurrent', concurrency: 5 })).toMatch(/at most 5 at once: 4 waves/);
    expect(whyCompareRow({ ...row, strategy: 'blocking-sync', mode: 'gather', profile: 'blocking' })).toMatch(
      /^gather cannot overlap calls that block the only JavaScript thread/,
    );
    const pooled = { ...row, strategy: 'worker-threaded', mode: 'gather', profile: 'concurrent' } as const;
    expect(whyCompareRow({ ...pooled, poolSize: 6 })).toMatch(/^6 threads for 20 blocking calls: they run in 4 waves/);
    expect(whyCompareRow({ ...pooled, poolSize: 20 })).toMatch(/20 threads ≥ 20 calls/);
    expect(whyCompareRow(pooled)).toMatch(/a thread each/);
  });

  it('explains the starve verdicts and the code path per profile', () => {
    expect(whyStarve('blocking-sync', 'blocking', true)).toMatch(/blocks the only JavaScript thread/);
    expect(whyStarve('worker-threaded', 'concurrent', false)).toMatch(/runs on a worker thread/);
    expect(whyStarve('native-async', 'concurrent', false)).toMatch(/non-blocking I\/O/);
    expect(requestPath('blocking-sync', 'blocking')).toMatch(/blocks this thread/);
    expect(requestPath('worker-threaded', 'concurrent')).toMatch(/toThread/);
  });
});

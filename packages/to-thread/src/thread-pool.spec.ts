import path from 'node:path';
import { ThreadPool } from './thread-pool';
import { toThread } from './to-thread';
import type * as fixtures from '../test/fixtures/blocking-functions.cjs';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'blocking-functions.cjs');

describe('ThreadPool', () => {
  it('names a bad option and what to do', () => {
    expect(() => new ThreadPool({ size: 0 })).toThrow('ThreadPool "size" must be an integer from 1 to 256, got 0');
    expect(() => new ThreadPool({ size: 2.5 })).toThrow(RangeError);
    expect(() => new ThreadPool({ idleTimeoutMs: -1 })).toThrow(/"idleTimeoutMs" must be a number of milliseconds/);
    expect(() => new ThreadPool({ onThreadExit: 'log' as unknown as () => void })).toThrow(/"onThreadExit" must be a function/);
    expect(() => new ThreadPool({ execArgv: '--import tsx' as unknown as string[] })).toThrow(
      `ThreadPool "execArgv" must be an array of strings such as ['--import', 'tsx'], got "--import tsx".`,
    );
  });

  it('starts no worker before the first call', async () => {
    const pool = new ThreadPool({ size: 2 });

    expect(pool.threadCount).toBe(0);
    await pool.close();
  });

  it('warmUp starts every thread with the module loaded, so the first calls all run at once on their own threads', async () => {
    const pool = new ThreadPool({ size: 3 });
    try {
      await pool.warmUp(FIXTURES);
      expect(pool.threadCount).toBe(3);

      const blockFor = toThread<typeof fixtures.blockFor>(FIXTURES, 'blockFor', { pool });
      const runs = await Promise.all([1, 2, 3].map(() => blockFor(50)));

      expect(new Set(runs.map((r) => r.threadId)).size).toBe(3);
      expect(Math.max(...runs.map((r) => r.startedAt))).toBeLessThan(Math.min(...runs.map((r) => r.endedAt)));
      expect(pool.threadCount).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it("warmUp rejects with the module's load error", async () => {
    const pool = new ThreadPool({ size: 2 });
    try {
      await expect(pool.warmUp(path.join(__dirname, '..', 'test', 'fixtures', 'typescript-target.ts'))).rejects.toThrow(
        /no TypeScript loader/,
      );
    } finally {
      await pool.close();
    }
  });

  it('never runs more calls at once than its size', async () => {
    const pool = new ThreadPool({ size: 2 });
    try {
      const blockFor = toThread<typeof fixtures.blockFor>(FIXTURES, 'blockFor', { pool });

      const runs = await Promise.all([1, 2, 3, 4].map(() => blockFor(100)));

      expect(new Set(runs.map((r) => r.threadId)).size).toBeLessThanOrEqual(2);
      // How many were running at the moment each one started.
      const maxOverlap = Math.max(...runs.map((r) => runs.filter((o) => o.startedAt <= r.startedAt && r.startedAt < o.endedAt).length));
      expect(maxOverlap).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  });

  it('terminates its workers on close, rejects later calls and may be closed twice', async () => {
    const pool = new ThreadPool({ size: 1 });
    const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread', { pool });
    await whichThread();
    expect(pool.threadCount).toBe(1);

    await pool.close();
    await pool.close();

    expect(pool.threadCount).toBe(0);
    await expect(whichThread()).rejects.toThrow(/ThreadPool is closed: cannot run whichThread\(\)/);
  });
});

import path from 'node:path';
import { ThreadPool } from '../thread-pool';
import { toThread } from '../to-thread';
import { reviveError, transferError } from '@waitless/core/plugin';
import { isThreadExitError } from './error-guards';
import { ThreadExitError } from './thread-exit-error';
import type * as fixtures from '../../test/fixtures/blocking-functions.cjs';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'blocking-functions.cjs');

describe('ThreadExitError', () => {
  it('names the exit code, the export and the module, and the pool serves the next call', async () => {
    const pool = new ThreadPool({ size: 1 });
    try {
      const exitWith = toThread<typeof fixtures.exitWith>(FIXTURES, 'exitWith', { pool });
      const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread', { pool });
      const before = await whichThread();

      const error = await exitWith(3).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ThreadExitError);
      expect(isThreadExitError(error)).toBe(true);
      expect(isThreadExitError(reviveError(structuredClone(transferError(error))))).toBe(true);
      expect(error).toMatchObject({
        name: 'ThreadExitError',
        exitCode: 3,
        exportName: 'exitWith',
        modulePath: FIXTURES,
        cause: expect.any(Error),
      });
      expect((error as Error).message).toBe(
        `exitWith() in ${FIXTURES} ended its worker thread with exit code 3 (process.exit) before returning. ` +
          'In a worker, process.exit() stops only that thread and loses the result: throw an Error to report a failure, or return a value.',
      );
      // The exited thread is gone; a new one answers.
      const after = await whichThread();
      expect(after).toBeGreaterThan(0);
      expect(after).not.toBe(before);
    } finally {
      await pool.close();
    }
  });

  it('rejects even for exit code 0, since the call never returned', async () => {
    const pool = new ThreadPool({ size: 1 });
    try {
      await expect(toThread<typeof fixtures.exitWith>(FIXTURES, 'exitWith', { pool })(0)).rejects.toMatchObject({
        constructor: ThreadExitError,
        exitCode: 0,
      });
    } finally {
      await pool.close();
    }
  });

  it('fails only the call whose worker exited: calls alongside it and after it succeed', async () => {
    const pool = new ThreadPool({ size: 2 });
    try {
      const exitWith = toThread<typeof fixtures.exitWith>(FIXTURES, 'exitWith', { pool });
      const describeCall = toThread<typeof fixtures.describeCall>(FIXTURES, 'describeCall', { pool });

      const [exited, alongside] = await Promise.allSettled([exitWith(7), describeCall('a', 2, { upper: false }, [1])]);
      const after = await Promise.all([1, 2, 3].map((n) => describeCall('b', n, { upper: true }, [n])));

      expect(exited).toMatchObject({ status: 'rejected', reason: { constructor: ThreadExitError, exitCode: 7 } });
      expect(alongside).toMatchObject({ status: 'fulfilled', value: { text: 'aa', sum: 1 } });
      expect(after.map((r) => r.text)).toEqual(['B', 'BB', 'BBB']);
    } finally {
      await pool.close();
    }
  });
});

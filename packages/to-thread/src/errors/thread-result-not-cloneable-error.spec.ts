import path from 'node:path';
import { ThreadPool } from '../thread-pool';
import { toThread } from '../to-thread';
import { reviveError, transferError } from '@waitless/core/plugin';
import { isThreadResultNotCloneableError } from './error-guards';
import { ThreadResultNotCloneableError } from './thread-result-not-cloneable-error';
import type * as fixtures from '../../test/fixtures/blocking-functions.cjs';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'blocking-functions.cjs');

describe('ThreadResultNotCloneableError', () => {
  let pool: ThreadPool;

  beforeAll(() => {
    // One thread, so "the same thread answers next" shows the worker survived.
    pool = new ThreadPool({ size: 1 });
  });

  afterAll(async () => {
    await pool.close();
  });

  it('names the export, the module and the part of the result that cannot be cloned', async () => {
    const totalWithFormatter = toThread<typeof fixtures.totalWithFormatter>(FIXTURES, 'totalWithFormatter', { pool });

    const error = await totalWithFormatter([1, 2]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ThreadResultNotCloneableError);
    expect(isThreadResultNotCloneableError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'ThreadResultNotCloneableError',
      exportName: 'totalWithFormatter',
      modulePath: FIXTURES,
      outcome: 'returned',
      valueKind: 'an object whose .format is a function named "format"',
    });
    expect((error as Error).message).toBe(
      `totalWithFormatter() in ${FIXTURES} returned an object whose .format is a function named "format", ` +
        'which cannot be sent back from its worker thread. ' +
        'A function run with toThread must return structured-cloneable data ' +
        '(primitives, plain objects, arrays, Date, Map, Set, typed arrays, Error): ' +
        'return the data and build functions or class instances on the calling side.',
    );
  });

  it('names a returned function', async () => {
    const makeCounter = toThread<typeof fixtures.makeCounter>(FIXTURES, 'makeCounter', { pool });

    await expect(makeCounter()).rejects.toMatchObject({
      constructor: ThreadResultNotCloneableError,
      outcome: 'returned',
      valueKind: 'a function',
    });
  });

  it('names a thrown value that is not an Error and cannot be cloned', async () => {
    const throwWithCallback = toThread<typeof fixtures.throwWithCallback>(FIXTURES, 'throwWithCallback', { pool });

    const error = await throwWithCallback('E_BUSY').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ThreadResultNotCloneableError);
    expect(error).toMatchObject({ outcome: 'threw', valueKind: 'an object whose .retry is a function named "retry"' });
    expect((error as Error).message).toMatch(
      /^throwWithCallback\(\) in .* threw an object whose \.retry is a function named "retry", .* must throw an Error/,
    );
  });

  it('leaves the worker running: the next call is served by the same thread', async () => {
    const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread', { pool });
    const makeCounter = toThread<typeof fixtures.makeCounter>(FIXTURES, 'makeCounter', { pool });
    const before = await whichThread();

    await expect(makeCounter()).rejects.toBeInstanceOf(ThreadResultNotCloneableError);

    expect(await whichThread()).toBe(before);
    expect(pool.threadCount).toBe(1);
  });

  it('is recognised by its guard after crossing another thread boundary (a nested toThread)', async () => {
    const error = await toThread<typeof fixtures.makeCounter>(FIXTURES, 'makeCounter', { pool })().catch((e: unknown) => e);

    const revived = reviveError(structuredClone(transferError(error)));

    expect(isThreadResultNotCloneableError(revived)).toBe(true);
    expect(revived).toMatchObject({
      name: 'ThreadResultNotCloneableError',
      message: (error as Error).message,
      outcome: 'returned',
      valueKind: 'a function',
    });
    expect(isThreadResultNotCloneableError(new Error('x'))).toBe(false);
    expect(isThreadResultNotCloneableError({ name: 'ThreadResultNotCloneableError', kind: 'to-thread/result-not-cloneable' })).toBe(false);
  });
});

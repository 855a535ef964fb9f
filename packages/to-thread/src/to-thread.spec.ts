import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { AbortError, HttpError, type now } from '@waitless/core/plugin';
import { closeSharedThreadPool, sharedThreadPool } from './shared-thread-pool';
import { ThreadPool } from './thread-pool';
import { toThread } from './to-thread';
import type * as fixtures from '../test/fixtures/blocking-functions.cjs';
import type * as typescript from '../test/fixtures/typescript-target';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'blocking-functions.cjs');
const TYPESCRIPT_TARGET = path.join(__dirname, '..', 'test', 'fixtures', 'typescript-target.ts');

// Node 20 has Atomics.waitAsync; the ES2023 lib the workspace compiles against does not declare it.
const { waitAsync } = Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
};

describe('toThread', () => {
  let pool: ThreadPool;

  beforeAll(() => {
    pool = new ThreadPool({ size: 4 });
  });

  afterAll(async () => {
    await pool.close();
  });

  it('runs an unmodified export with several arguments on a worker', async () => {
    const describeCall = toThread<typeof fixtures.describeCall>(FIXTURES, 'describeCall', { pool });

    const result = await describeCall('ab', 2, { upper: true }, [1, 2, 3]);

    expect(result).toEqual({ text: 'ABAB', sum: 6, threadId: expect.any(Number) });
    expect(result.threadId).not.toBe(0);
  });

  it('accepts file: URLs', async () => {
    const fromUrl = toThread<typeof fixtures.whichThread>(pathToFileURL(FIXTURES).href, 'whichThread', { pool });

    expect(await fromUrl()).toBeGreaterThan(0);
  });

  it('rethrows core errors as the same class with their fields', async () => {
    const fail = toThread<typeof fixtures.failWithHttpError>(FIXTURES, 'failWithHttpError', { pool });

    const error = await fail(409, 'http://127.0.0.1:9/cart').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 409,
      url: 'http://127.0.0.1:9/cart',
      bodyExcerpt: 'out of stock',
      headers: { 'retry-after': '3' },
    });
  });

  it('keeps the name, message and fields of error classes core does not know', async () => {
    const fail = toThread<typeof fixtures.failWithInventoryError>(FIXTURES, 'failWithInventoryError', { pool });

    const error = await fail('sku-1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'InventoryError', message: 'Not enough of sku-1: 3 missing', sku: 'sku-1', missing: 3 });
  });

  it('names the exports when the requested one is missing', async () => {
    await expect(toThread(FIXTURES, 'noSuchExport', { pool })()).rejects.toThrow(
      /"noSuchExport" is not a function exported by .*Exported functions: .*describeCall/,
    );
  });

  it('rejects specifiers a worker cannot resolve, where toThread is called', () => {
    expect(() => toThread('./blocking-functions', 'whichThread')).toThrow(/relative specifier/);
    expect(() => toThread('@waitless/no-such-package', 'whichThread')).toThrow(/cannot find the package "@waitless\/no-such-package"/);
  });

  it('keeps the event loop responsive while blocking calls overlap on the pool', async () => {
    const blockFor = toThread<typeof fixtures.blockFor>(FIXTURES, 'blockFor', { pool });
    // Start all four workers first, so the measurement below sees only the blocking calls.
    await Promise.all([1, 2, 3, 4].map(() => blockFor(50)));
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    await delay(20);

    const runs = await Promise.all([1, 2, 3, 4].map(() => blockFor(300)));
    histogram.disable();

    // All four ran at once on four threads: each started before any finished.
    expect(new Set(runs.map((r) => r.threadId)).size).toBe(4);
    expect(Math.max(...runs.map((r) => r.startedAt))).toBeLessThan(Math.min(...runs.map((r) => r.endedAt)));
    // Blocking here would stall the loop 300 ms per call; what remains is scheduling noise.
    expect(histogram.max / 1e6).toBeLessThan(250);
  });

  it('abort rejects with AbortError and terminates the worker running the call', async () => {
    const exited: number[] = [];
    const single = new ThreadPool({ size: 1, onThreadExit: (threadId) => exited.push(threadId) });
    try {
      const blockUntilTerminated = toThread<typeof fixtures.blockUntilTerminated>(FIXTURES, 'blockUntilTerminated', { pool: single });
      const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread', { pool: single });
      const flag = new Int32Array(new SharedArrayBuffer(8));
      const controller = new AbortController();

      const call = blockUntilTerminated.withSignal(controller.signal)(flag);
      const started = waitAsync(flag, 0, 0);
      if (started.async) await started.value;
      const blockedThread = Atomics.load(flag, 0);
      controller.abort();

      await expect(call).rejects.toBeInstanceOf(AbortError);
      // Rejected while the function was still blocked (it would have set flag[1] after 10 s), and its thread
      // was reported gone: ordering and events, not a wall-clock bound, which a loaded machine can miss.
      expect(Atomics.load(flag, 1)).toBe(0);
      expect(exited).toEqual([blockedThread]);
      // A pool of one serves the next call on a new thread: the blocked one is gone.
      const next = await whichThread();
      expect(next).not.toBe(blockedThread);
      expect(Atomics.load(flag, 1)).toBe(0);
    } finally {
      await single.close();
    }
  });

  it('rejects with AbortError without running when the signal is already aborted', async () => {
    const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread', { pool });

    await expect(whichThread.withSignal(AbortSignal.abort())()).rejects.toBeInstanceOf(AbortError);
  });
});

describe('TypeScript targets', () => {
  it('reject with a TypeError that says what to do when the workers have no TypeScript loader', async () => {
    const plain = new ThreadPool({ size: 1, execArgv: [] });
    try {
      const greet = toThread<typeof typescript.greetFromThread>(TYPESCRIPT_TARGET, 'greetFromThread', { pool: plain });

      const error = await greet('ts').catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'TypeError' });
      expect((error as Error).message).toBe(
        `${TYPESCRIPT_TARGET} is TypeScript, and this worker thread has no TypeScript loader. ` +
          'Point toThread at built JavaScript, or run under a TypeScript loader that worker threads inherit, such as `node --import=tsx` ' +
          "(or give the pool one: new ThreadPool({ execArgv: ['--import', 'tsx'] })).",
      );
    } finally {
      await plain.close();
    }
  });

  it('load when the workers get a loader through execArgv, package names included', async () => {
    const withTsx = new ThreadPool({ size: 1, execArgv: ['--import', 'tsx'] });
    try {
      const greet = toThread<typeof typescript.greetFromThread>(TYPESCRIPT_TARGET, 'greetFromThread', { pool: withTsx });
      // jest resolves @waitless/* names to their TypeScript sources (moduleNameMapper), so this one needs the loader too.
      const fromPackage = toThread<typeof now>('@waitless/core/plugin', 'now', { pool: withTsx });

      expect(await greet('ts')).toEqual({ greeting: 'hello ts', threadId: expect.any(Number) });
      expect(Math.abs((await fromPackage()) - Date.now())).toBeLessThan(1000);
    } finally {
      await withTsx.close();
    }
  });
});

describe('the shared pool', () => {
  it('is used when no pool is given and can be closed and replaced', async () => {
    const whichThread = toThread<typeof fixtures.whichThread>(FIXTURES, 'whichThread');

    const first = sharedThreadPool();
    expect(await whichThread()).toBeGreaterThan(0);
    await closeSharedThreadPool();
    expect(first.threadCount).toBe(0);

    expect(await whichThread()).toBeGreaterThan(0);
    expect(sharedThreadPool()).not.toBe(first);
    await closeSharedThreadPool();
  });
});

import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { AbortError, describeAbortReason, reviveError, type TransferredError } from '@waitless/core/plugin';
import { describeCall } from './describe-call';
import { ThreadExitError } from './errors/thread-exit-error';
import { ThreadResultNotCloneableError } from './errors/thread-result-not-cloneable-error';

/** Options for {@link ThreadPool}. */
export interface ThreadPoolOptions {
  /** Most worker threads running at once (1..256). Default: `os.availableParallelism()`. */
  size?: number;
  /** How long an idle worker lingers before it exits, in ms. Default 30 000. */
  idleTimeoutMs?: number;
  /**
   * Node flags the worker threads start with. Default: the process's own (`process.execArgv`), so under
   * `node --import=tsx` the workers load TypeScript targets too. Pass `['--import', 'tsx']` to give only the
   * workers a TypeScript loader; without one, a `.ts` target rejects with a TypeError saying so.
   */
  execArgv?: readonly string[];
  /**
   * Called with the `threadId` of every worker that goes away (idle timeout, an aborted call, `close()`),
   * while its id is still known: for releasing what the thread held outside itself, such as requests it
   * left in flight on another thread.
   */
  onThreadExit?: (threadId: number) => void;
}

/** One call for a worker: which export of which module, with which (structured-cloneable) arguments. */
export interface ThreadCall {
  /** Absolute path of the module: JavaScript, or TypeScript when the workers have a loader (see `execArgv`). */
  modulePath: string;
  /** Name of the exported function to call. */
  exportName: string;
  /** Its arguments, structured-cloned to the worker. */
  args: unknown[];
}

// What thread-entry.cjs answers. `uncloneable`: the worker caught a result it could not send back.
type ThreadReply =
  | { ok: true; value: unknown }
  | { ok: false; error: TransferredError }
  | { ok: false; uncloneable: { outcome: 'returned' | 'threw'; valueKind: string } };

/** Largest pool a user can ask for; more threads than this only adds memory and contention. */
export const MAX_POOL_SIZE = 256;

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
// How long warm-up threads wait for each other before giving up (a slow machine starts fewer in time).
const WARM_UP_TIMEOUT_MS = 30_000;

// A plain .cjs file beside this one (copied to dist/ by the build), so the worker starts without a TypeScript loader.
const ENTRY_PATH = path.join(__dirname, 'thread-entry.cjs');

// piscina 5 reports a worker that exits in the middle of a task only through this message (no code
// field); piscina is pinned and the ThreadExitError test fails if the wording changes.
const WORKER_EXIT_MESSAGE = /^worker exited with code: (-?\d+)$/;

/**
 * A pool of worker threads (piscina) that runs exports of modules, one call per worker at a time.
 * Workers start on demand, exit after `idleTimeoutMs` idle, and never keep the process alive while idle;
 * `close()` terminates them all.
 *
 * @example
 * const pool = new ThreadPool({ size: 4 });
 * const hash = toThread<typeof slowHash>(require.resolve('./slow-hash'), 'slowHash', { pool });
 * await hash('text');
 * await pool.close();
 */
export class ThreadPool {
  /** The most workers this pool runs at once. */
  readonly size: number;
  private readonly piscina: Piscina;
  private closing: Promise<void> | undefined;

  constructor(options: ThreadPoolOptions = {}) {
    const { size = os.availableParallelism(), idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS, execArgv, onThreadExit } = options;
    if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
      throw new RangeError(
        `ThreadPool "size" must be an integer from 1 to ${MAX_POOL_SIZE}, got ${size}. ` +
          'Pass a smaller size or omit it to use os.availableParallelism().',
      );
    }
    if (!Number.isFinite(idleTimeoutMs) || idleTimeoutMs < 0) {
      throw new RangeError(`ThreadPool "idleTimeoutMs" must be a number of milliseconds ≥ 0, got ${idleTimeoutMs}.`);
    }
    if (execArgv !== undefined && (!Array.isArray(execArgv) || execArgv.some((flag) => typeof flag !== 'string'))) {
      throw new TypeError(
        `ThreadPool "execArgv" must be an array of strings such as ['--import', 'tsx'], got ${JSON.stringify(execArgv)}.`,
      );
    }
    if (onThreadExit !== undefined && typeof onThreadExit !== 'function') {
      throw new TypeError(`ThreadPool "onThreadExit" must be a function of the thread id, got ${typeof onThreadExit}.`);
    }
    this.size = size;
    // minThreads 0: no worker starts before the first call, and idle ones exit after idleTimeoutMs.
    this.piscina = new Piscina({
      filename: ENTRY_PATH,
      minThreads: 0,
      maxThreads: size,
      idleTimeout: idleTimeoutMs,
      concurrentTasksPerWorker: 1,
      // undefined: Node's default, the workers inherit process.execArgv.
      execArgv: execArgv && [...execArgv],
    });
    if (onThreadExit) this.piscina.on('workerDestroy', (worker: { id: number }) => onThreadExit(worker.id));
  }

  /** Worker threads currently alive (busy or idle). */
  get threadCount(): number {
    return this.piscina.threads.length;
  }

  /** Calls waiting for a free worker. */
  get queueSize(): number {
    return this.piscina.queueSize;
  }

  /**
   * Runs one call on a worker. Errors the export throws come back as the same typed class (core's
   * `transferError`/`reviveError`); a result that cannot be cloned back rejects with
   * {@link ThreadResultNotCloneableError}, a worker that exits mid-call with {@link ThreadExitError}.
   * Aborting `signal` rejects with core's `AbortError` at once and terminates the worker running the
   * call (a queued call is just dropped).
   */
  async run(call: ThreadCall, signal?: AbortSignal): Promise<unknown> {
    if (this.closing) throw new Error(`ThreadPool is closed: cannot run ${describeCall(call)}. Create a new ThreadPool.`);
    // Checked here rather than left to piscina, which would create a task resource it never releases.
    if (signal?.aborted) throw abortError(call, signal);
    let reply: ThreadReply;
    try {
      reply = (await this.piscina.run(call, { signal })) as ThreadReply;
    } catch (error) {
      if (signal?.aborted) throw abortError(call, signal);
      const exit = error instanceof Error ? WORKER_EXIT_MESSAGE.exec(error.message) : null;
      if (exit) throw new ThreadExitError(Number(exit[1]), call.exportName, call.modulePath, { cause: error });
      throw error;
    }
    if (reply.ok) return reply.value;
    if ('uncloneable' in reply)
      throw new ThreadResultNotCloneableError(call.exportName, call.modulePath, reply.uncloneable.outcome, reply.uncloneable.valueKind);
    throw reviveError(reply.error);
  }

  /**
   * Starts every thread of the pool now, rather than one per call on demand, and resolves once all `size`
   * are ready, with `modulePath` (absolute, optional) already loaded in each. Calls made afterwards do not
   * pay for thread start-up, so a per-call deadline measures the call, not the pool's warm-up. Threads still
   * exit after `idleTimeoutMs` idle. Rejects with the module's error if it fails to load.
   *
   * @example
   * const pool = new ThreadPool({ size: 8 });
   * await pool.warmUp(require.resolve('./slow-hash'));
   */
  async warmUp(modulePath?: string): Promise<void> {
    if (this.closing) throw new Error('ThreadPool is closed: cannot warm it up. Create a new ThreadPool.');
    const arrived = new Int32Array(new SharedArrayBuffer(4));
    const task = { warmUp: { modulePath, arrived, threads: this.size, timeoutMs: WARM_UP_TIMEOUT_MS } };
    const replies = (await Promise.all(Array.from({ length: this.size }, () => this.piscina.run(task)))) as ThreadReply[];
    for (const reply of replies) if (!reply.ok && 'error' in reply) throw reviveError(reply.error);
  }

  /** Terminates every worker at once; running and queued calls reject. Safe to call twice. */
  close(): Promise<void> {
    // piscina leaves its async resource open after destroy(); ending it lets async_hooks tools
    // (jest --detectOpenHandles) see that nothing of the pool is left.
    this.closing ??= this.piscina.destroy().then(() => this.piscina.emitDestroy());
    return this.closing;
  }
}

function abortError(call: ThreadCall, signal: AbortSignal): AbortError {
  return new AbortError('toThread', describeCall(call), describeAbortReason(signal.reason), { cause: signal.reason });
}

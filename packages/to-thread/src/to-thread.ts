import { resolveModuleSpecifier } from './resolve-module-specifier';
import { ThreadPool } from './thread-pool';
import { sharedThreadPool } from './shared-thread-pool';

/** Any function `toThread` can run: arguments and result must survive structured clone. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ThreadableFunction = (...args: any[]) => unknown;

/** Options for {@link toThread}. */
export interface ToThreadOptions {
  /** The pool to run on. Default: the shared pool (see `closeSharedThreadPool`). */
  pool?: ThreadPool;
}

/**
 * A blocking export turned into an async function. Call it directly, or through `withSignal(signal)`
 * to make the call abortable: aborting rejects with core's `AbortError` and terminates the worker
 * running it, so even a function stuck in a loop or `Atomics.wait` really stops.
 */
export interface ThreadFunction<F extends ThreadableFunction> {
  (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
  /** The same function bound to `signal` (`undefined` means not abortable). */
  withSignal(signal: AbortSignal | undefined): (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
  /** Starts every thread of its pool with the module loaded (`ThreadPool.warmUp`), so the first calls start warm. */
  warmUp(): Promise<void>;
}

/**
 * Python's `asyncio.to_thread`: runs an unmodified blocking export of a module on a worker-thread pool
 * and returns an async function for it, so the event loop stays free. The module is named by absolute path,
 * `file:` URL or package name and is loaded once per worker; it should be JavaScript (a TypeScript module
 * loads only when the workers have a TypeScript loader: see `ThreadPoolOptions.execArgv`).
 * Errors it throws come back as the same typed class (core errors fully; other classes keep name,
 * message and plain fields). Arguments and results are structured-cloned: a result that cannot be
 * rejects with `ThreadResultNotCloneableError`; a worker that calls `process.exit` mid-call
 * rejects with `ThreadExitError`.
 *
 * @example
 * import type { requestSync } from '@waitless/blocking-http';
 * const request = toThread<typeof requestSync>('@waitless/blocking-http', 'requestSync');
 * const result = await request.withSignal(AbortSignal.timeout(5000))({ url });
 */
export function toThread<F extends ThreadableFunction = ThreadableFunction>(
  moduleSpecifier: string,
  exportName: string,
  options: ToThreadOptions = {},
): ThreadFunction<F> {
  // Resolved now, so a typo fails where toThread is called rather than inside a worker later.
  const modulePath = resolveModuleSpecifier(moduleSpecifier);
  const bind =
    (signal: AbortSignal | undefined) =>
    (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> => {
      // The pool is looked up per call so that a closed shared pool is replaced, not reused.
      const pool = options.pool ?? sharedThreadPool();
      return pool.run({ modulePath, exportName, args }, signal) as Promise<Awaited<ReturnType<F>>>;
    };
  const warmUp = (): Promise<void> => (options.pool ?? sharedThreadPool()).warmUp(modulePath);
  return Object.assign(bind(undefined), { withSignal: bind, warmUp });
}

import { ThreadPool } from './thread-pool';

let shared: ThreadPool | undefined;

/** The pool `toThread` uses when none is given, created on first use with the default size. */
export function sharedThreadPool(): ThreadPool {
  shared ??= new ThreadPool();
  return shared;
}

/**
 * Terminates the shared pool's workers; the next `toThread` call without a pool starts a new one.
 * Idle workers never keep the process alive, so call it only to stop running work or in test teardown.
 *
 * @example
 * afterAll(() => closeSharedThreadPool());
 */
export async function closeSharedThreadPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

import { ThreadPool } from './thread-pool';

let shared: ThreadPool | undefined;

/** The pool `toThread` uses when none is given, created on first use with the default size. */
export function sharedThreadPool(): ThreadPool {
  shared ??= new ThreadPool();
  return shared;
}

/** Terminates the shared pool's workers; the next `toThread` call without a pool starts a new one. */
export async function closeSharedThreadPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

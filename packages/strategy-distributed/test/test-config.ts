import type { DistributedOptions } from '../src/distributed-options';

/**
 * Crash recovery within a few seconds, for the tests that kill something. Not the default: on a loaded
 * machine a worker can miss renewing so short a lock, and its job then runs twice.
 */
export const FAST_RECOVERY = { lockDurationMs: 2000, stalledIntervalMs: 1000 } as const;

/**
 * A whole waitless.config.json for a caller and its test workers: `distributed` on the Redis at `socket`,
 * run by workers on the `test-fetch` strategy of test/worker-process.cjs.
 */
export function testConfig(socket: string, options: Partial<DistributedOptions> = {}) {
  return {
    plugins: [],
    strategy: 'distributed',
    strategies: { distributed: { options: { redis: socket, strategy: 'test-fetch', reconcileIntervalMs: 500, ...options } } },
  };
}

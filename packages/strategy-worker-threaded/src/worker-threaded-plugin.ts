import { defineStrategyPlugin } from '@waitless/core/plugin';
import { WorkerThreadedStrategy } from './worker-threaded-strategy';
import { workerThreadedOptionsSchema } from './worker-threaded-options';

/**
 * The `worker-threaded` strategy. Options (`poolSize`, `idleTimeoutMs`) come from
 * `strategies.worker-threaded.options`; core validates them and names the field in any error.
 */
export const plugin = defineStrategyPlugin({
  name: 'worker-threaded',
  packageName: '@waitless/strategy-worker-threaded',
  description: 'Runs the blocking requestSync on a worker-thread pool (asyncio.to_thread): calls overlap, the event loop stays free.',
  profile: 'concurrent',
  optionsSchema: workerThreadedOptionsSchema,
  threads: ({ poolSize }) => poolSize + 1, // the pool and the request helper its threads share
  // Started before it is handed out, so no call's deadline pays for thread start-up.
  create: async ({ options }) => {
    const strategy = new WorkerThreadedStrategy(options);
    await strategy.start().catch(async (error: unknown) => {
      await strategy.close();
      throw error;
    });
    return strategy;
  },
});

import { defineStrategyPlugin, parseOrThrow } from '@waitless/core';
import { WorkerThreadedStrategy } from './worker-threaded-strategy';
import { workerThreadedOptionsSchema } from './worker-threaded-options';

/**
 * The plugin: registers the `worker-threaded` strategy. Options (`poolSize`, `idleTimeoutMs`) come from
 * `strategies.worker-threaded.options` and are validated with the field named in any error.
 */
export const workerThreadedModule = defineStrategyPlugin({
  name: 'worker-threaded',
  packageName: '@waitless/strategy-worker-threaded',
  description: 'Runs the blocking requestSync on a worker-thread pool (asyncio.to_thread): calls overlap, the event loop stays free.',
  profile: 'concurrent',
  create: (context) => new WorkerThreadedStrategy(parseOrThrow(workerThreadedOptionsSchema, context.options, context.source, context.optionsField)),
});

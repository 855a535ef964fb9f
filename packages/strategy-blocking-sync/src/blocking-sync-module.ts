import { defineStrategyPlugin } from '@waitless/core';
import { BlockingSyncStrategy } from './blocking-sync-strategy';

/** The plugin: registers the `blocking-sync` strategy (no options). */
export const blockingSyncModule = defineStrategyPlugin({
  name: 'blocking-sync',
  packageName: '@waitless/strategy-blocking-sync',
  description: 'Blocks the calling thread for each request, like Python requests.get: the event loop stalls and calls run one at a time.',
  profile: 'blocking',
  create: () => new BlockingSyncStrategy(),
});

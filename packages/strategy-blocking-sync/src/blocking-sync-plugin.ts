import { defineStrategyPlugin } from '@waitless/core/plugin';
import { BlockingSyncStrategy } from './blocking-sync-strategy';

/** The `blocking-sync` strategy (no options). List `@waitless/strategy-blocking-sync` in `plugins` to activate it. */
export const plugin = defineStrategyPlugin({
  name: 'blocking-sync',
  packageName: '@waitless/strategy-blocking-sync',
  description: 'Blocks the calling thread for each request, like Python requests.get: the event loop stalls and calls run one at a time.',
  profile: 'blocking',
  threads: () => 1, // the request helper requestSync blocks on
  create: () => new BlockingSyncStrategy(),
});

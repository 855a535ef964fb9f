import { defineStrategyPlugin } from '@waitless/core/plugin';
import { distributedOptionsSchema } from './distributed-options';
import { DistributedStrategy } from './distributed-strategy';

/**
 * The `distributed` strategy. List `@waitless/strategy-distributed` in `plugins` in waitless.config.json and
 * start `waitless worker` processes (same config) on any number of hosts to run the requests.
 */
export const plugin = defineStrategyPlugin({
  name: 'distributed',
  packageName: '@waitless/strategy-distributed',
  description: 'Scale out on BullMQ + Redis: each call is a job that `waitless worker` processes on any host run on their own strategy.',
  profile: 'concurrent',
  optionsSchema: distributedOptionsSchema,
  create: ({ options }) => DistributedStrategy.connect(options),
});

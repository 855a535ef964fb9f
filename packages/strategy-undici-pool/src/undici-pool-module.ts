import { defineStrategyPlugin } from '@waitless/core';
import { readUndiciPoolOptions } from './undici-pool-options';
import { UndiciPoolStrategy } from './undici-pool-strategy';

/** Registers the `undici-pool` strategy. List `@waitless/strategy-undici-pool` in `plugins` in waitless.config.json to activate it. */
export const undiciPoolModule = defineStrategyPlugin({
  name: 'undici-pool',
  packageName: '@waitless/strategy-undici-pool',
  description: "Native async on undici's pooled request API: one keep-alive pool per origin, tuned for many concurrent calls.",
  profile: 'concurrent',
  create: (context) => new UndiciPoolStrategy(readUndiciPoolOptions(context)),
});

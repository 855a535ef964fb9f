import { defineStrategyPlugin } from '@waitless/core/plugin';
import { undiciPoolOptionsSchema } from './undici-pool-options';
import { UndiciPoolStrategy } from './undici-pool-strategy';

/** The `undici-pool` strategy. List `@waitless/strategy-undici-pool` in `plugins` in waitless.config.json to activate it. */
export const plugin = defineStrategyPlugin({
  name: 'undici-pool',
  packageName: '@waitless/strategy-undici-pool',
  description: "Native async on undici's pooled request API: one keep-alive pool per origin, tuned for many concurrent calls.",
  profile: 'concurrent',
  optionsSchema: undiciPoolOptionsSchema,
  create: ({ options }) => new UndiciPoolStrategy(options),
});

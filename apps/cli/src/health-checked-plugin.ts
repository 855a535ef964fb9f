import { defineStrategyPlugin, type StrategyPluginDefinition } from '@waitless/core/plugin';

/** The name the `factory` demo registers its async-created strategy under. */
export const HEALTH_CHECKED_STRATEGY = 'health-checked';

/** Where the health check goes: the PokeAPI list route, one entry. */
export const HEALTH_CHECK_PATH = '/api/v2/pokemon?limit=1';

/**
 * A strategy plugin whose `create` is async, like the talk's `await factory.create(name)`: it loads the
 * native-async plugin with `import()` only when first asked for, then waits for the server to answer a
 * health check before handing the strategy out. Core awaits it once, in `runtime.ready(name)`.
 */
export function healthCheckedPlugin(baseUrl: string): StrategyPluginDefinition {
  return defineStrategyPlugin({
    name: HEALTH_CHECKED_STRATEGY,
    description: 'native-async, created asynchronously: loaded with import() and handed out after a health check answers',
    profile: 'concurrent',
    create: async (context) => {
      const { plugin } = await import('@waitless/strategy-native-async');
      const strategy = await plugin.create(context);
      try {
        await strategy.fetch({ url: `${baseUrl}${HEALTH_CHECK_PATH}` });
      } catch (error) {
        await strategy.close?.();
        throw error;
      }
      return strategy;
    },
  });
}

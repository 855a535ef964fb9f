import { standardDecorators, type StandardDecoratorSettings } from '@waitless/concurrency';
import { createWaitless, type WaitlessRuntime } from '@waitless/core';

/** Every built-in strategy and the plugin package that registers it. */
export const STRATEGY_PLUGINS = {
  'native-async': '@waitless/strategy-native-async',
  'undici-pool': '@waitless/strategy-undici-pool',
  'blocking-sync': '@waitless/strategy-blocking-sync',
  'worker-threaded': '@waitless/strategy-worker-threaded',
} as const;

export type StrategyName = keyof typeof STRATEGY_PLUGINS;
export const STRATEGY_NAMES = Object.keys(STRATEGY_PLUGINS) as StrategyName[];

/** A runtime built the way apps build it: the plugin loaded by name from config (a plugin may not import another). */
export function waitlessOn(name: StrategyName, settings: StandardDecoratorSettings = {}): WaitlessRuntime {
  return createWaitless({
    env: {},
    decorators: standardDecorators,
    inline: { plugins: [STRATEGY_PLUGINS[name]], strategy: name, strategies: { [name]: settings } },
  });
}

/** Retry settings that retry once at once: fast, and deterministic without jitter. */
export const RETRY_ONCE: StandardDecoratorSettings = { retry: { attempts: 2, baseDelayMs: 1, jitter: false } };

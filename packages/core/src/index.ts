export * from './transport';
export type { StrategyDescriptor, ConcurrencyProfile } from './strategy-descriptor';
export { StrategyNotFoundError } from './errors/strategy-not-found-error';
export { PluginLoadError } from './errors/plugin-load-error';

export {
  configSchema,
  strategySettingsSchema,
  retrySettingsSchema,
  timeoutSettingsSchema,
  rateLimitSettingsSchema,
  concurrencyLimitSettingsSchema,
  type WaitlessConfig,
  type StrategySettings,
  type RetrySettings,
  type TimeoutSettings,
  type RateLimitSettings,
  type ConcurrencyLimitSettings,
} from './config/config-schema';
export { loadConfig, CONFIG_FILE_NAME, type LoadConfigOptions, type LoadedConfig, type StrategySource } from './config/load-config';
export { parseOrThrow } from './config/parse-or-throw';

export * from './tokens';
export { defineStrategyPlugin, type StrategyContext, type StrategyPluginDefinition } from './di/define-strategy-plugin';
export type { StrategyDecorator } from './di/strategy-decorator';
export { StrategyFactory } from './di/strategy-factory';
export { loadPlugins } from './di/load-plugins';
export { createWaitless, type CreateWaitlessOptions, type Waitless } from './di/create-waitless';

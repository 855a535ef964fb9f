export type { FetchStrategy, FetchRequest, FetchOptions, FetchResult, FetchTimings, HttpMethod } from './fetch-strategy';
export type { StrategyDescriptor, ConcurrencyProfile } from './strategy-descriptor';
export { now } from './clock';

export { WaitlessError } from './errors/waitless-error';
export { HttpError } from './errors/http-error';
export { TimeoutError } from './errors/timeout-error';
export { AbortError } from './errors/abort-error';
export { NetworkError } from './errors/network-error';
export { ResponseBodyError } from './errors/response-body-error';
export { StrategyNotFoundError } from './errors/strategy-not-found-error';
export { ConfigError } from './errors/config-error';
export { PluginLoadError } from './errors/plugin-load-error';
export { transferError, reviveError, type TransferredError } from './errors/error-transfer';

export { prepareRequest, type PreparedRequest } from './http/prepared-request';
export { interpretResponse, type RawResponse } from './http/raw-response';
export { callSignal, abortedCallError, throwIfAborted, describeAbortReason } from './http/call-signal';

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

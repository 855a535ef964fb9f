// `@waitless/core`: what apps use — the runtime that resolves strategies by name from config, the
// contract they implement and the errors they throw. Helpers for strategy and decorator authors live in
// `@waitless/core/plugin`; the DI container, its tokens and the factory behind the runtime stay private.
export { createWaitless, type CreateWaitlessOptions, type WaitlessRuntime, type ActiveStrategy } from './di/create-waitless';
export { loadConfig, CONFIG_FILE_NAME, type LoadConfigOptions, type LoadedConfig, type StrategySource } from './config/load-config';
export type { WaitlessConfig, StrategySettings } from './config/config-schema';
export { StrategyNotFoundError, type StrategyOrigin } from './errors/strategy-not-found-error';
export { PluginLoadError } from './errors/plugin-load-error';
export {
  now,
  WaitlessError,
  HttpError,
  TimeoutError,
  AbortError,
  NetworkError,
  ResponseBodyError,
  ConfigError,
  isWaitlessError,
  isUserFixableError,
  isHttpError,
  isTimeoutError,
  isAbortError,
  isNetworkError,
  isResponseBodyError,
  isConfigError,
  isPluginLoadError,
  isStrategyNotFoundError,
  normalizeBaseUrl,
  type FetchStrategy,
  type FetchRequest,
  type FetchOptions,
  type FetchResult,
  type FetchTimings,
  type HttpMethod,
  type StrategyDescriptor,
  type ConcurrencyProfile,
  type PipelineStep,
  type StepContext,
} from './plugin';

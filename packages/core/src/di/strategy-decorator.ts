import type { StrategySettings } from '../config/config-schema';
import type { FetchStrategy } from '../fetch-strategy';

/**
 * Wraps a strategy in another `FetchStrategy` (the decorator pattern), enabled per strategy by the
 * matching key in config, e.g. `strategies.native-async.retry`.
 */
export interface StrategyDecorator {
  /** The config key that enables it. */
  readonly key: keyof Omit<StrategySettings, 'options'>;
  /** Lower wraps closer to the transport: concurrency limit < rate limit < per-attempt timeout < retry < total timeout. */
  readonly order: number;
  decorate(inner: FetchStrategy, settings: StrategySettings): FetchStrategy;
}

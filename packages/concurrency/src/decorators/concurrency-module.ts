import { STRATEGY_DECORATOR, type StrategyDecorator } from '@waitless/core';
import { ContainerModule } from 'inversify';
import { ConcurrencyLimitStrategy } from './concurrency-limit-strategy';
import { RateLimitStrategy } from './rate-limit-strategy';
import { RetryStrategy } from './retry-strategy';
import { TimeoutStrategy } from './timeout-strategy';

/**
 * Where each decorator sits (lower wraps closer to the transport). Retries pass through the limiters
 * again and each attempt has its own timeout; the total timeout bounds everything, backoff included.
 */
export const DECORATOR_ORDER = { concurrencyLimit: 10, rateLimit: 20, perAttemptTimeout: 30, retry: 40, totalTimeout: 50 } as const;

/** `strategies.<name>.concurrencyLimit` → {@link ConcurrencyLimitStrategy}. */
export const concurrencyLimitDecorator: StrategyDecorator = {
  key: 'concurrencyLimit',
  order: DECORATOR_ORDER.concurrencyLimit,
  decorate: (inner, settings) => (settings.concurrencyLimit ? new ConcurrencyLimitStrategy(inner, settings.concurrencyLimit) : inner),
};

/** `strategies.<name>.rateLimit` → {@link RateLimitStrategy}. */
export const rateLimitDecorator: StrategyDecorator = {
  key: 'rateLimit',
  order: DECORATOR_ORDER.rateLimit,
  decorate: (inner, settings) => (settings.rateLimit ? new RateLimitStrategy(inner, settings.rateLimit) : inner),
};

/** `strategies.<name>.timeout.perAttemptMs` → a {@link TimeoutStrategy} inside retry. */
export const perAttemptTimeoutDecorator: StrategyDecorator = {
  key: 'timeout',
  order: DECORATOR_ORDER.perAttemptTimeout,
  decorate: (inner, settings) => (settings.timeout?.perAttemptMs === undefined ? inner : new TimeoutStrategy(inner, settings.timeout.perAttemptMs)),
};

/** `strategies.<name>.retry` → {@link RetryStrategy}. */
export const retryDecorator: StrategyDecorator = {
  key: 'retry',
  order: DECORATOR_ORDER.retry,
  decorate: (inner, settings) => (settings.retry ? new RetryStrategy(inner, settings.retry) : inner),
};

/** `strategies.<name>.timeout.totalMs` → a {@link TimeoutStrategy} outside retry. */
export const totalTimeoutDecorator: StrategyDecorator = {
  key: 'timeout',
  order: DECORATOR_ORDER.totalTimeout,
  decorate: (inner, settings) => (settings.timeout?.totalMs === undefined ? inner : new TimeoutStrategy(inner, settings.timeout.totalMs)),
};

/**
 * The one module to load for config-driven decorators: with it, `retry`, `timeout`, `rateLimit` and
 * `concurrencyLimit` under `strategies.<name>` in config wrap that strategy, in {@link DECORATOR_ORDER}.
 * The `timeout` key binds two decorators (per attempt inside retry, total outside it), because one
 * decorator can only sit at one place in the chain.
 * @example createWaitless({ modules: [concurrencyModule], inline: { plugins: ['@waitless/strategy-native-async'], strategies: { 'native-async': { retry: { attempts: 3 } } } } })
 */
export const concurrencyModule = new ContainerModule(({ bind }) => {
  for (const decorator of [concurrencyLimitDecorator, rateLimitDecorator, perAttemptTimeoutDecorator, retryDecorator, totalTimeoutDecorator]) {
    bind<StrategyDecorator>(STRATEGY_DECORATOR).toConstantValue(decorator);
  }
});

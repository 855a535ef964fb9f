import { defineStrategyDecorator, type StrategyDecoratorDefinition } from '@waitless/core/plugin';
import { ConcurrencyLimitStrategy } from './concurrency-limit-strategy';
import { concurrencyLimitSettingsSchema, rateLimitSettingsSchema, retrySettingsSchema, timeoutSettingsSchema } from './decorator-settings';
import { RateLimitStrategy } from './rate-limit-strategy';
import { RetryStrategy } from './retry-strategy';
import { TimeoutStrategy } from './timeout-strategy';

/**
 * Where each decorator sits (lower wraps closer to the transport). Retries pass through the limiters
 * again and each attempt has its own timeout; the total timeout bounds everything, backoff included.
 */
export const DECORATOR_ORDER = { concurrencyLimit: 10, rateLimit: 20, perAttemptTimeout: 30, retry: 40, totalTimeout: 50 } as const;

/** `strategies.<name>.concurrencyLimit` → {@link ConcurrencyLimitStrategy}. */
export const concurrencyLimitDecorator = defineStrategyDecorator({
  key: 'concurrencyLimit',
  order: DECORATOR_ORDER.concurrencyLimit,
  schema: concurrencyLimitSettingsSchema,
  decorate: (inner, settings) => new ConcurrencyLimitStrategy(inner, settings),
});

/** `strategies.<name>.rateLimit` → {@link RateLimitStrategy}. */
export const rateLimitDecorator = defineStrategyDecorator({
  key: 'rateLimit',
  order: DECORATOR_ORDER.rateLimit,
  schema: rateLimitSettingsSchema,
  decorate: (inner, settings) => new RateLimitStrategy(inner, settings),
});

/** `strategies.<name>.timeout.perAttemptMs` → a {@link TimeoutStrategy} inside retry. */
export const perAttemptTimeoutDecorator = defineStrategyDecorator({
  key: 'timeout',
  order: DECORATOR_ORDER.perAttemptTimeout,
  schema: timeoutSettingsSchema,
  decorate: (inner, settings) => (settings.perAttemptMs === undefined ? inner : new TimeoutStrategy(inner, settings.perAttemptMs)),
});

/** `strategies.<name>.retry` → {@link RetryStrategy}. */
export const retryDecorator = defineStrategyDecorator({
  key: 'retry',
  order: DECORATOR_ORDER.retry,
  schema: retrySettingsSchema,
  decorate: (inner, settings) => new RetryStrategy(inner, settings),
});

/** `strategies.<name>.timeout.totalMs` → a {@link TimeoutStrategy} outside retry. */
export const totalTimeoutDecorator = defineStrategyDecorator({
  key: 'timeout',
  order: DECORATOR_ORDER.totalTimeout,
  schema: timeoutSettingsSchema,
  decorate: (inner, settings) => (settings.totalMs === undefined ? inner : new TimeoutStrategy(inner, settings.totalMs)),
});

/**
 * The decorators to register for config-driven `retry`, `timeout`, `rateLimit` and `concurrencyLimit`
 * under `strategies.<name>`, applied in {@link DECORATOR_ORDER}. The `timeout` key has two entries (per
 * attempt inside retry, total outside it), because one decorator can only sit at one place in the chain.
 * @example
 * createWaitless({
 *   decorators: standardDecorators,
 *   inline: { plugins: ['@waitless/strategy-native-async'], strategies: { 'native-async': { retry: { attempts: 3 } } } },
 * });
 */
export const standardDecorators: readonly StrategyDecoratorDefinition[] = [
  concurrencyLimitDecorator,
  rateLimitDecorator,
  perAttemptTimeoutDecorator,
  retryDecorator,
  totalTimeoutDecorator,
];

import { ConfigError, type StrategyContext } from '@waitless/core';

/** Settings under `strategies.undici-pool.options` in waitless.config.json. */
export interface UndiciPoolOptions {
  /** Sockets per origin; calls beyond it queue inside the pool. Default 128 (1–1024). */
  connections: number;
  /** Requests in flight per socket. Default 1: HTTP/1.1 pipelining stalls behind a slow response. */
  pipelining: number;
}

const LIMITS: Record<keyof UndiciPoolOptions, { min: number; max: number; fallback: number }> = {
  connections: { min: 1, max: 1024, fallback: 128 },
  pipelining: { min: 1, max: 16, fallback: 1 },
};

/**
 * Reads the strategy's options, or throws a `ConfigError` naming the bad field, its value and the allowed range.
 * @example readUndiciPoolOptions({ options: { connections: 64 }, optionsField: 'strategies.undici-pool.options', source: 'waitless.config.json', config })
 */
export function readUndiciPoolOptions(context: Pick<StrategyContext, 'options' | 'optionsField' | 'source'>): UndiciPoolOptions {
  const known = Object.keys(LIMITS) as (keyof UndiciPoolOptions)[];
  for (const key of Object.keys(context.options)) {
    if (!(known as string[]).includes(key)) {
      throw new ConfigError(`${context.optionsField}.${key}`, context.source, `is not an option of undici-pool. Known options: ${known.join(', ')}.`);
    }
  }
  const read = (key: keyof UndiciPoolOptions): number => {
    const { min, max, fallback } = LIMITS[key];
    const value = context.options[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${context.optionsField}.${key}`, context.source, `must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}. Fix the value, or remove the field to use the default (${fallback}).`);
    }
    return value;
  };
  return { connections: read('connections'), pipelining: read('pipelining') };
}

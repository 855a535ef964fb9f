import { InvalidOptionError } from '../errors/invalid-option-error';

/** Default concurrency of the combinators: bounded by default, high enough to hide ordinary latency. */
export const DEFAULT_CONCURRENCY = 16;

/** Returns a valid concurrency (an integer ≥ 1, or Infinity), or throws `InvalidOptionError` naming the caller's option. */
export function checkConcurrency(value: number | undefined, option: string): number {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  if (value === Infinity || (Number.isInteger(value) && value >= 1)) return value;
  throw new InvalidOptionError(option, value, 'an integer ≥ 1, or Infinity for no limit');
}

import { InvalidArgumentError } from 'commander';
import { normalizeBaseUrl } from '@waitless/core';

// Commander calls these with the raw flag value; an InvalidArgumentError becomes its one-line
// "option '--count <n>' argument 'x' is invalid. …" message and exit code 2.

// Every number a flag takes has an upper bound, named in the help and in the error, so a typo cannot
// exhaust memory, sockets or timers.

/** Most requests one run makes (`--count`): a million streams through in bounded memory. */
export const MAX_COUNT = 1_000_000;
/** Most requests in flight at once (`--concurrency`, and the default when it is left out). */
export const MAX_CONCURRENCY = 10_000;
/** Longest fixture delay (`--latency`, `--jitter`, `--slow-body`): one minute. */
export const MAX_DELAY_MS = 60_000;
/** Longest pipeline deadline (`--deadline`): one hour. */
export const MAX_DEADLINE_MS = 3_600_000;
/** Most worker threads in one pool (`--pool-size`), as the worker-threaded strategy allows. */
export const MAX_POOL_SIZE = 256;
/** Most local `waitless worker` processes (`compare --workers`): each is a whole Node process. */
export const MAX_LOCAL_WORKERS = 64;

function intInRange(raw: string, min: number, max: number, what: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max)
    throw new InvalidArgumentError(`Expected an integer from ${min} to ${max} (${what}).`);
  return value;
}

/** How many requests, 1..{@link MAX_COUNT}, e.g. `--count 20`. */
export function count(raw: string): number {
  return intInRange(raw, 1, MAX_COUNT, 'the most requests one run makes');
}

/** Requests in flight, 1..{@link MAX_CONCURRENCY}, e.g. `--concurrency 10`. */
export function concurrency(raw: string): number {
  return intInRange(raw, 1, MAX_CONCURRENCY, 'the most requests in flight');
}

/** Local worker processes, 1..{@link MAX_LOCAL_WORKERS}, e.g. `--workers 2`. */
export function localWorkers(raw: string): number {
  return intInRange(raw, 1, MAX_LOCAL_WORKERS, 'one Node process each');
}

/** The concurrency of a run that asked for none: all `count` at once, up to {@link MAX_CONCURRENCY}. */
export function defaultConcurrency(count: number): number {
  return Math.min(count, MAX_CONCURRENCY);
}

/** A deadline in milliseconds, 1..{@link MAX_DEADLINE_MS}, e.g. `--deadline 5000`. */
export function deadlineMs(raw: string): number {
  return intInRange(raw, 1, MAX_DEADLINE_MS, 'one hour at most');
}

/** Milliseconds 0..{@link MAX_DELAY_MS}, e.g. `--latency 100`. */
export function milliseconds(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > MAX_DELAY_MS)
    throw new InvalidArgumentError(`Expected a number of milliseconds from 0 to ${MAX_DELAY_MS}.`);
  return value;
}

/** A TCP port 0..65535 (0 picks a free one). */
export function port(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new InvalidArgumentError('Expected a port from 0 to 65535 (0 picks a free one).');
  return value;
}

/** An HTTP error status 400..599, e.g. `--error-status 500`. */
export function httpErrorStatus(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 400 || value > 599) throw new InvalidArgumentError('Expected an HTTP status from 400 to 599.');
  return value;
}

/** A seed, any safe integer, e.g. `--seed 42`. */
export function integer(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value))
    throw new InvalidArgumentError(`Expected an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}.`);
  return value;
}

/** A probability 0..1, e.g. `--error-rate 0.1`. */
export function rate(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidArgumentError('Expected a probability from 0 to 1.');
  return value;
}

/** An absolute http(s) URL, e.g. `--base-url https://pokeapi.co`. */
export function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError('Expected an absolute URL such as http://127.0.0.1:8080.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('Expected an http:// or https:// URL.');
  return normalizeBaseUrl(raw);
}

/** A comma-separated list, e.g. `--strategies native-async,blocking-sync`. */
export function commaList(raw: string): string[] {
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError('Expected a comma-separated list of names.');
  return items;
}

/** A JSON value when the text parses as JSON (`0`, `{"id":25}`), else the text itself (`pikachu`). */
export function jsonOrString(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A comma-separated list of pool sizes 1..{@link MAX_POOL_SIZE}, e.g. `--pool-size 6,20`. */
export function positiveIntList(raw: string): number[] {
  const items = raw.split(',').map((item) => item.trim());
  if (items.length > MAX_POOL_SIZE || items.some((item) => !/^\d+$/.test(item) || Number(item) < 1 || Number(item) > MAX_POOL_SIZE))
    throw new InvalidArgumentError(`Expected integers from 1 to ${MAX_POOL_SIZE} separated by commas, e.g. 6,20.`);
  return items.map(Number);
}

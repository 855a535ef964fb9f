import { InvalidArgumentError } from 'commander';
import { normalizeBaseUrl } from '@waitless/core';

// Commander calls these with the raw flag value; an InvalidArgumentError becomes its one-line
// "option '--count <n>' argument 'x' is invalid. …" message and exit code 2.

/** An integer ≥ 1, e.g. `--count 20`. */
export function positiveInt(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('Expected an integer ≥ 1.');
  return value;
}

/** Milliseconds ≥ 0, e.g. `--latency 100`. */
export function milliseconds(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) throw new InvalidArgumentError('Expected a number of milliseconds ≥ 0.');
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

/** Any integer, e.g. `--seed 42`. */
export function integer(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value)) throw new InvalidArgumentError('Expected an integer.');
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

import { AbortError } from './abort-error';
import { ConfigError } from './config-error';
import { HttpError } from './http-error';
import { NetworkError } from './network-error';
import { ResponseBodyError } from './response-body-error';
import { TimeoutError } from './timeout-error';

/** An error flattened to plain data so it can cross a worker-thread boundary. */
export interface TransferredError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** Flattens any thrown value; structured clone alone would drop the class and its fields. */
export function transferError(error: unknown): TransferredError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && key !== 'message' && isCloneable(value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

type Reviver = (f: Record<string, any>) => Error; // eslint-disable-line @typescript-eslint/no-explicit-any

const revivers: Record<string, Reviver> = {
  HttpError: (f) => new HttpError(f.status, f.method, f.url, f.bodyExcerpt ?? '', f.headers),
  TimeoutError: (f) => new TimeoutError(f.timeoutMs, f.method, f.url),
  AbortError: (f) => new AbortError(f.method, f.url, f.reason),
  NetworkError: (f) => new NetworkError(f.method, f.url, f.detail),
  ResponseBodyError: (f) => new ResponseBodyError(f.method, f.url, f.detail),
  ConfigError: (f) => new ConfigError(f.field, f.source, f.problem),
};

/** Rebuilds the typed error on this side of the thread boundary; unknown classes come back as `Error` with the same name and message. */
export function reviveError(transferred: TransferredError): Error {
  const revive = revivers[transferred.name];
  const error = revive ? revive(transferred.fields) : Object.assign(new Error(transferred.message), transferred.fields);
  if (!revive) error.name = transferred.name;
  if (transferred.stack) error.stack = transferred.stack;
  return error;
}

function isCloneable(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value) || (typeof value === 'object' && !(value instanceof Error) && !ArrayBuffer.isView(value) && isPlain(value));
}

function isPlain(value: object): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

import { types } from 'node:util';
import { AbortError } from './abort-error';
import { ConfigError } from './config-error';
import { isWaitlessError } from './error-guards';
import { HttpError } from './http-error';
import { NetworkError } from './network-error';
import { PluginLoadError } from './plugin-load-error';
import { ResponseBodyError } from './response-body-error';
import { ResponseTooLargeError } from './response-too-large-error';
import { TimeoutError } from './timeout-error';
import { TooManyRedirectsError } from './too-many-redirects-error';
import { WaitlessError } from './waitless-error';

/** An error flattened to plain data so it can cross a worker-thread boundary. */
export interface TransferredError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own enumerable fields that survive a structured clone (`status`, `url`, `code`, …). */
  fields: Record<string, unknown>;
  /** The `kind` of a Waitless error; revival into its class is keyed by it. Absent for any other error. */
  kind?: string;
  /** The error's `cause`, flattened the same way. */
  cause?: TransferredCause;
}

/** A `cause` on its way across a thread: an error flattened like its parent, or a value (as text when it cannot be cloned). */
export type TransferredCause = { error: TransferredError } | { value: unknown };

// Cause chains can be cyclic (`a.cause = a`); a few levels carry everything a message needs.
const MAX_CAUSE_DEPTH = 4;
// Carried at the top level of a TransferredError, or (`cause`) separately.
const NOT_FIELDS = new Set(['name', 'message', 'stack', 'cause']);

/**
 * Flattens any thrown value, its `cause` included; structured clone alone would drop the class and its fields.
 * @example port.postMessage({ error: transferError(error) }); // and on the other side: throw reviveError(message.error)
 */
export function transferError(error: unknown): TransferredError {
  return flatten(error, MAX_CAUSE_DEPTH);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reviver = (f: Record<string, any>, options: ErrorOptions | undefined) => Error;

const revivers = new Map<string, Reviver>([
  ['http', (f, o) => new HttpError(f.status, f.method, f.url, f.bodyExcerpt ?? '', f.headers, o)],
  ['timeout', (f, o) => new TimeoutError(f.timeoutMs, f.method, f.url, o)],
  ['abort', (f, o) => new AbortError(f.method, f.url, f.reason, o)],
  ['network', (f, o) => new NetworkError(f.method, f.url, f.detail, o)],
  ['response-body', (f, o) => new ResponseBodyError(f.method, f.url, f.detail, o)],
  ['response-too-large', (f, o) => new ResponseTooLargeError(f.method, f.url, f.limit, o)],
  ['too-many-redirects', (f, o) => new TooManyRedirectsError(f.method, f.url, f.limit, o)],
  ['config', (f, o) => new ConfigError(f.field, f.source, f.problem, o)],
  ['plugin-load', (f, o) => new PluginLoadError(f.plugin, f.source, f.problem, o)],
]);

/**
 * Rebuilds the typed error on this side of the thread boundary, with its `cause`. A Waitless error of a
 * kind this copy has no class for (the concurrency package's, a plugin's) comes back as a `WaitlessError`
 * with the same name, kind and fields, so the guards still recognise it; any other error comes back as
 * `Error` with the same name, message and fields.
 */
export function reviveError(transferred: TransferredError): Error {
  const { name, message, stack, fields, kind, cause } = transferred;
  const options = cause === undefined ? undefined : { cause: reviveCause(cause) };
  const revive = kind === undefined ? undefined : revivers.get(kind);
  let error: Error;
  if (revive) error = revive(fields, options);
  else {
    error =
      kind === undefined
        ? Object.assign(new Error(message, options), fields)
        : Object.assign(new WaitlessError(message, options), fields, { kind });
    error.name = name;
  }
  if (stack) error.stack = stack;
  return error;
}

function flatten(error: unknown, depth: number): TransferredError {
  if (!isError(error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (!NOT_FIELDS.has(key) && isCloneable(value)) fields[key] = value;
  }
  const transferred: TransferredError = { name: error.name, message: error.message, stack: error.stack, fields };
  if (isWaitlessError(error)) transferred.kind = error.kind;
  if (error.cause !== undefined && depth > 0) transferred.cause = flattenCause(error.cause, depth - 1);
  return transferred;
}

function flattenCause(cause: unknown, depth: number): TransferredCause {
  if (isError(cause)) return { error: flatten(cause, depth) };
  return { value: isCloneable(cause) ? cause : String(cause) };
}

function reviveCause(cause: TransferredCause): unknown {
  return 'error' in cause ? reviveError(cause.error) : cause.value;
}

// `instanceof Error` alone misses errors made in another realm (Node's fetch errors under jest's vm),
// and there a DOMException (an aborted signal's reason) is no native error either.
function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value) || value instanceof DOMException;
}

function isCloneable(value: unknown): boolean {
  return (
    value === null ||
    ['string', 'number', 'boolean', 'undefined'].includes(typeof value) ||
    (typeof value === 'object' && !isError(value) && !ArrayBuffer.isView(value) && isPlain(value))
  );
}

function isPlain(value: object): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

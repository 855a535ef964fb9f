import type { AbortError } from './abort-error';
import type { ConfigError } from './config-error';
import type { HttpError } from './http-error';
import type { NetworkError } from './network-error';
import type { PluginLoadError } from './plugin-load-error';
import type { ResponseBodyError } from './response-body-error';
import type { ResponseTooLargeError } from './response-too-large-error';
import type { StrategyNotFoundError } from './strategy-not-found-error';
import type { TimeoutError } from './timeout-error';
import type { TooManyRedirectsError } from './too-many-redirects-error';
import { WAITLESS_ERROR_BRAND, type WaitlessError } from './waitless-error';

// Guards check the `Symbol.for` brand and the `kind` literal, never `instanceof` or `name`: an error
// from a second copy of @waitless/core (a plugin's own) fails `instanceof`, and any error can be
// called "AbortError" (the DOM's is).

/**
 * Whether `value` is an error Waitless threw on purpose, from this or any other copy of `@waitless/core`.
 * @example if (isWaitlessError(error)) console.error(error.message); else throw error;
 */
export function isWaitlessError(value: unknown): value is WaitlessError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [WAITLESS_ERROR_BRAND]?: unknown })[WAITLESS_ERROR_BRAND] === true &&
    typeof (value as { kind?: unknown }).kind === 'string'
  );
}

/**
 * Whether `value` is a Waitless error the user can fix (a bad option, config, plugin list or pipeline
 * spec), as opposed to a failure at run time. Apps report it as a usage error; the CLI exits with 2.
 * @example process.exitCode = isUserFixableError(error) ? 2 : 1;
 */
export function isUserFixableError(value: unknown): value is WaitlessError & { readonly userFixable: true } {
  return isWaitlessError(value) && value.userFixable === true;
}

/**
 * Whether `value` is an `HttpError` (a non-2xx answer).
 * @example if (isHttpError(error) && error.status === 404) return undefined;
 */
export function isHttpError(value: unknown): value is HttpError {
  return isWaitlessError(value) && value.kind === 'http';
}

/** Whether `value` is a `TimeoutError` (the call outlived its `timeoutMs`). */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return isWaitlessError(value) && value.kind === 'timeout';
}

/** Whether `value` is Waitless's `AbortError` (the caller's signal fired). A DOM `AbortError` is not. */
export function isAbortError(value: unknown): value is AbortError {
  return isWaitlessError(value) && value.kind === 'abort';
}

/** Whether `value` is a `NetworkError` (the transport failed before a response arrived). */
export function isNetworkError(value: unknown): value is NetworkError {
  return isWaitlessError(value) && value.kind === 'network';
}

/** Whether `value` is a `ResponseBodyError` (a JSON response whose body does not parse). */
export function isResponseBodyError(value: unknown): value is ResponseBodyError {
  return isWaitlessError(value) && value.kind === 'response-body';
}

/** Whether `value` is a `ResponseTooLargeError` (the body was longer than the call's `maxBodyBytes`). */
export function isResponseTooLargeError(value: unknown): value is ResponseTooLargeError {
  return isWaitlessError(value) && value.kind === 'response-too-large';
}

/** Whether `value` is a `TooManyRedirectsError` (more redirects than the call's `maxRedirects`: a loop, usually). */
export function isTooManyRedirectsError(value: unknown): value is TooManyRedirectsError {
  return isWaitlessError(value) && value.kind === 'too-many-redirects';
}

/** Whether `value` is a `ConfigError` (invalid configuration). */
export function isConfigError(value: unknown): value is ConfigError {
  return isWaitlessError(value) && value.kind === 'config';
}

/** Whether `value` is a `PluginLoadError` (a package in `plugins` could not be loaded). */
export function isPluginLoadError(value: unknown): value is PluginLoadError {
  return isWaitlessError(value) && value.kind === 'plugin-load';
}

/** Whether `value` is a `StrategyNotFoundError` (no loaded plugin registered that strategy name). */
export function isStrategyNotFoundError(value: unknown): value is StrategyNotFoundError {
  return isWaitlessError(value) && value.kind === 'strategy-not-found';
}

import type { Attributes } from '@opentelemetry/api';
import { isHttpError, type FetchTraceContext } from '@waitless/core/plugin';

// Stable HTTP client attribute names, written out as OpenTelemetry recommends for instrumentations (the
// semantic-conventions package is not needed at run time); the spec checks them against that package.
const HTTP_REQUEST_METHOD = 'http.request.method';
const URL_FULL = 'url.full';
const SERVER_ADDRESS = 'server.address';
const SERVER_PORT = 'server.port';
const HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
const HTTP_REQUEST_RESEND_COUNT = 'http.request.resend_count';
const ERROR_TYPE = 'error.type';

/** Attributes known when a call starts: method, URL (credentials already redacted), server address and port. */
export function requestAttributes(call: FetchTraceContext): Attributes {
  const attributes: Attributes = { [HTTP_REQUEST_METHOD]: call.method, [URL_FULL]: call.url, 'waitless.strategy': call.strategy };
  if (URL.canParse(call.url)) {
    const url = new URL(call.url);
    attributes[SERVER_ADDRESS] = url.hostname.replace(/^\[(.*)\]$/, '$1');
    attributes[SERVER_PORT] = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  }
  return attributes;
}

/** Attributes known when a call settles: status, resends (attempts after the first), waiting, and the error's type. */
export function outcomeAttributes(call: FetchTraceContext): Attributes {
  const attributes: Attributes = {};
  if (call.status !== undefined) attributes[HTTP_RESPONSE_STATUS_CODE] = call.status;
  if (call.attempts !== undefined && call.attempts > 1) attributes[HTTP_REQUEST_RESEND_COUNT] = call.attempts - 1;
  if (call.waitedMs !== undefined) attributes['waitless.waited_ms'] = call.waitedMs;
  if ('error' in call) attributes[ERROR_TYPE] = errorType(call.error);
  return attributes;
}

/** `error.type`: the status code for an HTTP error (as the conventions ask), else the error's class name. */
export function errorType(error: unknown): string {
  if (isHttpError(error)) return String(error.status);
  if (error instanceof Error) return error.name;
  return '_OTHER';
}

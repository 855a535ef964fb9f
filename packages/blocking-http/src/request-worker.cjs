// @ts-check
'use strict';

// The synckit worker behind `requestSync`: it performs one request with Node's global `fetch` while the
// calling thread sleeps in Atomics.wait. Plain CommonJS with no imports of our packages, so it loads the
// same way under jest, tsx and plain node, with no TypeScript loader inside the worker.
//
// It returns plain data only: a `RawResponse`, or `{ error }` shaped like core's `TransferredError`
// with a `kind` core's `reviveError` knows, so the calling side rebuilds the typed error.

const { runAsWorker } = require('synckit');

// Mirrors core's `now()` (epoch ms, sub-ms precision, comparable across threads): this file deliberately
// loads nothing but synckit, so each worker (one per calling thread) starts as fast as it can.
const now = () => performance.timeOrigin + performance.now();

/**
 * @param {{ method: string, url: string, headers: Record<string, string>, body?: string, timeoutMs?: number, queuedAt: number }} request
 */
async function request(request) {
  const { method, url, headers, body, timeoutMs, queuedAt } = request;
  // The caller is blocked and cannot fire timers, so the timeout has to live on this thread.
  const signal = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const startedAt = now();
  try {
    const response = await fetch(url, { method, headers, body, signal });
    const firstByteAt = now();
    const text = await response.text();
    const endedAt = now();
    /** @type {Record<string, string>} */
    const responseHeaders = {};
    // Headers iterate with lower-cased names already; copying keeps the result plain data.
    for (const [name, value] of response.headers) responseHeaders[name] = value;
    return {
      response: {
        status: response.status,
        url: response.url || url,
        headers: responseHeaders,
        text,
        timings: { queuedAt, startedAt, firstByteAt, endedAt, attempts: 1, waitedMs: 0 },
      },
    };
  } catch (error) {
    if (signal?.aborted) {
      return { error: transferred('TimeoutError', 'timeout', `Request timed out after ${timeoutMs} ms`, { timeoutMs, method, url }) };
    }
    return { error: transferred('NetworkError', 'network', describe(error), { method, url, detail: describe(error) }, flatten(error, 2)) };
  }
}

/**
 * @param {string} name
 * @param {string} kind
 * @param {string} message
 * @param {Record<string, unknown>} fields
 * @param {unknown} [cause] - already flattened
 */
function transferred(name, kind, message, fields, cause) {
  return cause === undefined ? { name, kind, message, fields } : { name, kind, message, fields, cause: { error: cause } };
}

/**
 * fetch's own error as a `TransferredError`, for the `NetworkError`'s `cause`: name, message, `code` and
 * the socket error under it (`depth` levels of `cause`).
 * @param {unknown} error
 * @param {number} depth
 * @returns {{ name: string, message: string, fields: Record<string, unknown>, cause?: { error: unknown } }}
 */
function flatten(error, depth) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const flat = { name: error.name, message: error.message, fields: code ? { code } : {} };
  return error.cause !== undefined && depth > 0 ? { ...flat, cause: { error: flatten(error.cause, depth - 1) } } : flat;
}

/**
 * undici hides the useful part (ECONNREFUSED, UND_ERR_SOCKET, …) in `cause`.
 * @param {unknown} error
 */
function describe(error) {
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined;
  const parts = [];
  if (cause && typeof cause === 'object') {
    if ('code' in cause && cause.code) parts.push(String(cause.code));
    if ('message' in cause && cause.message) parts.push(String(cause.message));
  }
  if (parts.length === 0) parts.push(error instanceof Error ? error.message : String(error));
  return parts.join(': ');
}

runAsWorker(request);

// @ts-check
'use strict';

// The helper thread behind `requestSync`: it performs requests with Node's global `fetch` while the calling
// threads sleep in Atomics.wait. One helper can serve many callers at once (the shared helper serves every
// thread of a worker-threaded pool), so it is async all the way and keeps connections alive.
//
// Callers post `{ key, request, queuedAt, flag }` on the BroadcastChannel named in workerData (a BroadcastChannel,
// unlike a MessagePort, reaches this thread from any thread without a handshake); the first call of each caller
// thread names a channel of its own, which its later calls come on. The reply is posted on that channel, then
// `flag` is raised to wake the caller, which takes the reply off its channel synchronously: plain data only,
// `{ result }` (a `FetchResult`) or `{ error }` (core's `TransferredError`), cloned once however big it is.
// Plain CommonJS loading built JavaScript only, so no TypeScript loader runs in the helper.

const { BroadcastChannel, workerData } = require('node:worker_threads');
const { fetchNetworkError, now, performCall, readLimitedBody, transferError } = require('@waitless/core/plugin');
const { REPLIED } = require('./reply-flag.cjs');

/** Calls in flight by key (`<threadId>:<n>`), so those of a caller thread that was terminated can be stopped. */
const inFlight = new Map();

/** Each caller thread's own channel (named in its first call through the inbox), by thread id. */
const lines = new Map();

/** @param {MessageEvent} event */
const onMessage = ({ data }) => {
  const callerThreadId = Number(String(data.key ?? data.stopThread).split(':')[0]);
  if (data.line !== undefined) openLine(callerThreadId, data.line);
  if (data.stopThread !== undefined) {
    for (const [key, controller] of inFlight) if (key.startsWith(`${data.stopThread}:`)) controller.abort();
    lines.get(callerThreadId)?.close();
    lines.delete(callerThreadId);
  } else {
    const controller = new AbortController();
    inFlight.set(data.key, controller);
    perform(data.request, data.queuedAt, controller.signal).then((reply) => {
      inFlight.delete(data.key);
      // No line: the caller thread was stopped meanwhile, and nobody waits for the reply.
      lines.get(callerThreadId)?.postMessage(reply);
      Atomics.store(data.flag, 0, REPLIED);
      Atomics.notify(data.flag, 0);
    });
  }
};
const inbox = new BroadcastChannel(workerData.channel);
inbox.onmessage = onMessage;

/**
 * Opens the channel a caller thread posts its later calls on; before this call is answered, so it exists when
 * the next one is posted (a message posted to a channel nobody has open is lost).
 * @param {number} callerThreadId
 * @param {string} name
 */
function openLine(callerThreadId, name) {
  lines.get(callerThreadId)?.close();
  const line = new BroadcastChannel(name);
  line.onmessage = onMessage;
  lines.set(callerThreadId, line);
}

// Callers wait for this before their first post: a message posted before the channel exists is lost.
Atomics.store(workerData.ready, 0, 1);
Atomics.notify(workerData.ready, 0);

/**
 * One call, the way every in-process strategy makes it (core's `performCall`): the timeout, redirects up to
 * `maxRedirects`, the body read up to `maxBodyBytes`, `HttpError` and JSON parsing. The outcome is plain data:
 * the `FetchResult`, or the error flattened by core so the caller rebuilds the same typed class.
 * @param {import('@waitless/core/plugin').FetchRequest} request - prepared by the caller, without its signal
 * @param {number} queuedAt
 * @param {AbortSignal} signal - aborted when the caller thread is gone
 */
async function perform(request, queuedAt, signal) {
  try {
    const result = await performCall(request, { signal }, send, fetchNetworkError);
    // The caller asked before the request got here.
    return { result: { ...result, timings: { ...result.timings, queuedAt } } };
  } catch (error) {
    return { error: transferError(error) };
  }
}

/** @type {import('@waitless/core/plugin').Transport} */
async function send(prepared, signal) {
  const { method, url, headers, body } = prepared;
  // performCall follows redirects itself, so the limit and the error are the same on every strategy.
  const response = await fetch(url, { method, headers, body, signal, redirect: 'manual' });
  const firstByteAt = now();
  const responseHeaders = Object.fromEntries(response.headers);
  const text = await readLimitedBody(response.body, prepared, responseHeaders['content-length']);
  return { status: response.status, headers: responseHeaders, text, firstByteAt };
}

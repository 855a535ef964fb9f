import type { Channel } from 'node:diagnostics_channel';
import {
  noteOnError,
  now,
  redactUrl,
  tracedCall,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
  type GateWaitEvent,
} from '@waitless/core/plugin';
import { addTimings } from './attempt-timings';
import { abortErrorFor, requestFacts } from './request-facts';

/** Something a call waits on before it may start: a semaphore (which hands back a release) or a rate limiter. */
export interface CallGate {
  acquire(signal: AbortSignal | undefined, onAbort: () => unknown): Promise<(() => void) | void>;
}

/**
 * Waits at `gate` (abortably; `AbortError` names `gateName`), publishes the wait on `waitChannel`, then calls
 * `inner`, adding the wait to the result's `waitedMs` — or to the error's, when the call fails — and releasing
 * the gate afterwards.
 */
export async function gatedCall<TBody>(
  inner: FetchStrategy,
  request: FetchRequest,
  options: FetchOptions | undefined,
  gate: CallGate,
  gateName: string,
  waitChannel: Channel,
): Promise<FetchResult<TBody>> {
  const queuedAt = now();
  const { method, url, signal } = requestFacts(request, options);
  const release = await gate.acquire(signal, () => abortErrorFor(method, url, signal, gateName));
  const waitedMs = now() - queuedAt;
  if (waitChannel.hasSubscribers) {
    const event: GateWaitEvent = { call: tracedCall(), strategy: inner.name, method, url: redactUrl(url), waitedMs };
    waitChannel.publish(event);
  }
  try {
    return addTimings(await inner.fetch<TBody>(request, options), queuedAt, { waitedMs });
  } catch (error) {
    noteOnError(error, { waitedMs });
    throw error;
  } finally {
    release?.();
  }
}

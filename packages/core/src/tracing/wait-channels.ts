import { channel } from 'node:diagnostics_channel';
import type { FetchTraceContext } from './fetch-channel';

/** Channel names of the waits a call can spend before an attempt (published by the standard decorators). */
export const RETRY_CHANNEL = 'waitless:retry';
export const RATE_LIMIT_WAIT_CHANNEL = 'waitless:rate-limit-wait';
export const QUEUE_WAIT_CHANNEL = 'waitless:queue-wait';

/** What every wait event says about its call. */
interface WaitEventBase {
  /** The call on `waitless:fetch` this wait belongs to, when someone subscribes to that channel. */
  readonly call?: FetchTraceContext;
  readonly strategy: string;
  readonly method: string;
  /** The request URL with credentials redacted. */
  readonly url: string;
}

/** Published on `waitless:retry` when an attempt failed and another one is scheduled. */
export interface RetryEvent extends WaitEventBase {
  /** The attempt that failed, counting from 1. */
  readonly attempt: number;
  /** The backoff (or the server's `Retry-After`) before the next attempt. */
  readonly delayMs: number;
  readonly error: unknown;
}

/** Published on `waitless:rate-limit-wait` and `waitless:queue-wait` once a call may go on. */
export interface GateWaitEvent extends WaitEventBase {
  /** How long the call waited for the rate limiter or for a concurrency-limit slot. */
  readonly waitedMs: number;
}

/**
 * `waitless:retry`: one message ({@link RetryEvent}) per scheduled retry.
 * @example retryChannel.subscribe((event) => console.log((event as RetryEvent).delayMs));
 */
export const retryChannel = channel(RETRY_CHANNEL);
/** `waitless:rate-limit-wait`: one message ({@link GateWaitEvent}) per call that passed a rate limiter. */
export const rateLimitWaitChannel = channel(RATE_LIMIT_WAIT_CHANNEL);
/** `waitless:queue-wait`: one message ({@link GateWaitEvent}) per call that passed a concurrency limit. */
export const queueWaitChannel = channel(QUEUE_WAIT_CHANNEL);

import path from 'node:path';
import { createSyncFn } from 'synckit';
import {
  interpretResponse,
  now,
  prepareRequest,
  reviveError,
  throwIfAborted,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type RawResponse,
  type TransferredError,
} from '@waitless/core/plugin';

/** What crosses to the request worker: plain data only (an `AbortSignal` cannot be cloned). */
interface WorkerRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  queuedAt: number;
}

type WorkerReply = { response: RawResponse } | { error: TransferredError };

type SyncRequest = (request: WorkerRequest) => WorkerReply;

// A plain .cjs file beside this one, so the same path works from jest, tsx and node without a TS loader.
const WORKER_PATH = path.join(__dirname, 'request-worker.cjs');

// Module state is per thread, so each thread that calls requestSync gets its own worker, started on first use.
let syncRequest: SyncRequest | undefined;

/**
 * Performs one HTTP request and blocks the calling thread until it is done, like Python's
 * `requests.get`: no event-loop turn happens meanwhile. The request runs on a helper worker thread
 * (synckit, `Atomics.wait`) with Node's global `fetch` and keep-alive; the worker is started lazily once
 * per thread and is `unref`'d, so it never keeps the process alive.
 *
 * Errors are core's: `HttpError` (non-2xx), `ResponseBodyError`, `TimeoutError` (`timeoutMs` is enforced
 * inside the worker, so it fires although this thread is blocked), `NetworkError`, and `AbortError` when
 * the signal was already aborted before the call (nothing is sent). An abort that happens *during* the
 * call cannot be observed: the signal can neither cross threads nor fire its listeners while this thread
 * is blocked. That is inherent to blocking; run it on a worker (`toThread`) to make it abortable.
 * For the same reason a server on the calling thread can never answer: point it at another thread or
 * process (or set `timeoutMs`, or it waits forever). synckit offers no way to stop its worker, so there
 * is nothing to close.
 *
 * @example const { body } = requestSync<{ name: string }>({ url: 'http://127.0.0.1:8080/api/v2/pokemon/1', timeoutMs: 2000 });
 */
export function requestSync<TBody = unknown>(request: FetchRequest, options?: FetchOptions): FetchResult<TBody> {
  const queuedAt = now();
  const prepared = prepareRequest(request, options);
  throwIfAborted(prepared);
  syncRequest ??= createSyncFn<(request: WorkerRequest) => Promise<WorkerReply>>(WORKER_PATH);
  const reply = syncRequest({
    method: prepared.method,
    url: prepared.url,
    headers: prepared.headers,
    body: prepared.body,
    timeoutMs: prepared.timeoutMs,
    queuedAt,
  });
  if ('error' in reply) throw reviveError(reply.error);
  return interpretResponse<TBody>(prepared, reply.response);
}

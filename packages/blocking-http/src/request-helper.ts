import path from 'node:path';
import v8 from 'node:v8';
import { BroadcastChannel, SHARE_ENV, Worker, getEnvironmentData, setEnvironmentData, threadId } from 'node:worker_threads';
import { HEADER_BYTES, LENGTH, STATE, TOO_BIG, WAITING } from './reply-buffer.cjs';

/** Where a helper thread listens: its BroadcastChannel's name, and a flag it sets once it does. */
interface HelperAddress {
  channel: string;
  ready: Int32Array;
}

// A plain .cjs file beside this one, so the same path works from jest, tsx and node without a TS loader.
const WORKER_PATH = path.join(__dirname, 'request-worker.cjs');
// Worker threads get a copy of their creator's environment data, so this is how they find the shared helper.
const SHARED_HELPER_KEY = 'waitless.blocking-http.request-helper';
// Most replies fit; a bigger one is fetched again into a buffer of its size.
const REPLY_BUFFER_BYTES = 64 * 1024;
const HELPER_START_TIMEOUT_MS = 60_000;

// Module state is per thread: the helper this thread uses, and the buffer it sleeps on.
let helper: HelperAddress | undefined;
let replyBuffer: SharedArrayBuffer | undefined;
// This thread's own channel to its helper, named in its first call (see `post`).
let line: { helper: HelperAddress; channel: BroadcastChannel } | undefined;
let calls = 0;

/**
 * Starts one helper thread that performs `requestSync`'s requests for this thread and for every worker
 * thread created after this call, instead of one helper per calling thread. A pool of N threads that call
 * `requestSync` then costs N threads rather than 2N, which is most of its start-up time. The helper is async,
 * so one serves many blocked callers at once. Idempotent; the helper never keeps the process alive.
 *
 * @example
 * startSharedRequestHelper();
 * const pool = new ThreadPool({ size: 20 }); // its threads share the helper
 */
export function startSharedRequestHelper(): void {
  if (getEnvironmentData(SHARED_HELPER_KEY) === undefined) setEnvironmentData(SHARED_HELPER_KEY, startHelper() as never);
}

/**
 * Stops the requests that thread `threadId` left in flight on the shared helper, when that thread was
 * terminated in the middle of a `requestSync` call: their connections close, as they would have with a
 * helper of the thread's own (which dies with it). A no-op without a shared helper.
 *
 * @example new ThreadPool({ size: 8, onThreadExit: stopRequestsOfThread })
 */
export function stopRequestsOfThread(threadId: number): void {
  const shared = getEnvironmentData(SHARED_HELPER_KEY) as HelperAddress | undefined;
  if (shared === undefined) return;
  const channel = new BroadcastChannel(shared.channel);
  channel.postMessage({ stopThread: threadId });
  channel.close();
}

/**
 * Sends `message` to this thread's helper and blocks until the reply is written: the synchronous half of
 * `requestSync`. Uses the shared helper when a creator thread started one, or starts this thread's own.
 */
export function callHelper<TReply>(message: object): TReply {
  const address = helperAddress();
  const key = `${threadId}:${++calls}`;
  replyBuffer ??= new SharedArrayBuffer(REPLY_BUFFER_BYTES);
  let buffer = replyBuffer;
  let [state, length] = post(address, { key, ...message }, buffer);
  if (state === TOO_BIG) {
    // Only for this reply: the thread keeps its small buffer rather than the largest body it ever saw.
    buffer = new SharedArrayBuffer(HEADER_BYTES + length);
    [state, length] = post(address, { key }, buffer);
  }
  return v8.deserialize(new Uint8Array(buffer, HEADER_BYTES, length)) as TReply;
}

function startHelper(): HelperAddress {
  // BroadcastChannel names are per process; the random part keeps a helper started again on the same thread
  // (a fresh module registry under jest) from sharing a name, and with it requests, with an earlier one.
  const address = {
    channel: `waitless.blocking-http.${threadId}.${Math.random().toString(36).slice(2)}`,
    ready: new Int32Array(new SharedArrayBuffer(4)),
  };
  // No inherited flags (a TypeScript loader would only slow the start) and no copy of the environment.
  new Worker(WORKER_PATH, { workerData: address, execArgv: [], env: SHARE_ENV }).unref();
  return address;
}

function helperAddress(): HelperAddress {
  helper ??= (getEnvironmentData(SHARED_HELPER_KEY) as HelperAddress | undefined) ?? startHelper();
  if (Atomics.wait(helper.ready, 0, 0, HELPER_START_TIMEOUT_MS) === 'timed-out') {
    throw new Error(`requestSync's helper thread did not start within ${HELPER_START_TIMEOUT_MS / 1000} s; its error is on stderr.`);
  }
  return helper;
}

/** Posts `message` with `buffer`, sleeps until the helper has answered into it, and returns its state and length. */
function post(address: HelperAddress, message: object, buffer: SharedArrayBuffer): [state: number, length: number] {
  const header = new Int32Array(buffer, 0, 2);
  Atomics.store(header, STATE, WAITING);
  if (line?.helper === address) {
    line.channel.postMessage({ ...message, buffer });
  } else {
    // The first call goes to the helper's inbox, which every caller shares, and names a channel of this thread's
    // own; the helper opens it before it answers, so later calls post there and only the helper hears them.
    // (Opening a channel per call costs milliseconds; keeping the inbox open would hand each caller every other
    // caller's messages.)
    const name = `${address.channel}.${threadId}.${Math.random().toString(36).slice(2)}`;
    const inbox = new BroadcastChannel(address.channel);
    inbox.postMessage({ ...message, buffer, line: name });
    inbox.close();
    const channel = new BroadcastChannel(name);
    channel.unref();
    line = { helper: address, channel };
  }
  Atomics.wait(header, STATE, WAITING);
  return [Atomics.load(header, STATE), Atomics.load(header, LENGTH)];
}

import path from 'node:path';
import {
  BroadcastChannel,
  SHARE_ENV,
  type MessagePort,
  Worker,
  getEnvironmentData,
  receiveMessageOnPort,
  setEnvironmentData,
  threadId,
} from 'node:worker_threads';
import { WAITING } from './reply-flag.cjs';

/** Where a helper thread listens: its BroadcastChannel's name, and a flag it sets once it does. */
interface HelperAddress {
  channel: string;
  ready: Int32Array;
}

// A plain .cjs file beside this one, so the same path works from jest, tsx and node without a TS loader.
const WORKER_PATH = path.join(__dirname, 'request-worker.cjs');
// Worker threads get a copy of their creator's environment data, so this is how they find the shared helper.
const SHARED_HELPER_KEY = 'waitless.blocking-http.request-helper';
const HELPER_START_TIMEOUT_MS = 60_000;

// Module state is per thread: the helper this thread uses, and the flag it sleeps on.
let helper: HelperAddress | undefined;
let replyFlag: Int32Array | undefined;
// This thread's own channel to its helper, named in its first call (see `post`): calls go out on it and replies
// come back on it.
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
 * Sends `message` to this thread's helper and blocks until it has answered: the synchronous half of
 * `requestSync`. Uses the shared helper when a creator thread started one, or starts this thread's own.
 */
export function callHelper<TReply>(message: object): TReply {
  const address = helperAddress();
  replyFlag ??= new Int32Array(new SharedArrayBuffer(4));
  const channel = post(address, { key: `${threadId}:${++calls}`, ...message }, replyFlag);
  // The helper posts the reply on this thread's channel before it raises the flag, so it is queued by now:
  // taken without an event-loop turn, and cloned once, however big.
  // (Node accepts a BroadcastChannel here; its types name only MessagePort.)
  const reply = receiveMessageOnPort(channel as unknown as MessagePort) as { message: TReply } | undefined;
  if (reply === undefined) throw new Error("requestSync's helper thread woke this thread without a reply.");
  return reply.message;
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

/** Posts `message` with `flag`, sleeps until the helper has raised it, and returns the channel its reply is on. */
function post(address: HelperAddress, message: object, flag: Int32Array): BroadcastChannel {
  Atomics.store(flag, 0, WAITING);
  if (line?.helper === address) {
    line.channel.postMessage({ ...message, flag });
  } else {
    // The first call goes to the helper's inbox, which every caller shares, and names a channel of this thread's
    // own; the helper opens it before it answers, so later calls post there and only the helper hears them.
    // (Opening a channel per call costs milliseconds; keeping the inbox open would hand each caller every other
    // caller's messages.) Opened before the call is posted: a reply on a channel nobody has open is lost.
    const name = `${address.channel}.${threadId}.${Math.random().toString(36).slice(2)}`;
    const channel = new BroadcastChannel(name);
    channel.unref();
    line = { helper: address, channel };
    const inbox = new BroadcastChannel(address.channel);
    inbox.postMessage({ ...message, flag, line: name });
    inbox.close();
  }
  // Not a single wait: a wake-up can be the previous call's notify arriving late (its reply came so fast that
  // this thread never slept and moved on), while this call's flag is still down.
  while (Atomics.load(flag, 0) === WAITING) Atomics.wait(flag, 0, WAITING);
  return line.channel;
}

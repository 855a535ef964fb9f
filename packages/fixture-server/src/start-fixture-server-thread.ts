import { EventEmitter, once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FaultOptions } from './fault-options';
import type { FixtureServerOptions } from './fixture-server-options';
import type { FixtureStats } from './fixture-stats';

/**
 * The fixture server running on its own worker thread. Needed wherever the calling thread blocks
 * (blocking-sync): a server on the blocked thread could never answer. Same knobs, events relayed;
 * the counters are read asynchronously.
 */
export interface FixtureServerThread {
  readonly url: string;
  readonly port: number;
  /** `request-start` / `request-end` events, relayed from the server thread. */
  readonly events: EventEmitter;
  stats(): Promise<FixtureStats>;
  resetStats(): Promise<void>;
  setDefaults(partial: Partial<FaultOptions>): Promise<void>;
  /** Resolves once `n` requests have started since the last reset. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

interface Reply {
  type: 'reply';
  id: number;
  result?: unknown;
  error?: string;
}

/** Starts the fixture server on a worker thread; resolves once it listens. */
export async function startFixtureServerThread(options: FixtureServerOptions = {}): Promise<FixtureServerThread> {
  const worker = new Worker(join(__dirname, 'fixture-server-thread-entry.cjs'), { workerData: options });
  const events = new EventEmitter();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let started = 0;
  let closed = false;

  worker.on('message', (message: { type: string; name?: string; payload?: unknown } | Reply) => {
    if (message.type === 'event' && 'name' in message && message.name) {
      if (message.name === 'request-start') started += 1;
      events.emit(message.name, message.payload);
      events.emit('progress');
    } else if (message.type === 'reply') {
      const reply = message as Reply;
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error === undefined) waiter?.resolve(reply.result);
      else waiter?.reject(new Error(reply.error));
    }
  });

  const call = <T>(command: string, argument?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, command, argument });
    });

  const [ready] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error))])) as [
    { url: string; port: number },
  ];
  return {
    url: ready.url,
    port: ready.port,
    events,
    stats: () => call<FixtureStats>('stats'),
    resetStats: async () => {
      await call('resetStats');
      started = 0;
    },
    setDefaults: (partial) => call('setDefaults', partial),
    waitForRequests: async (n) => {
      while (started < n) await once(events, 'progress');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await call('close');
      await worker.terminate();
    },
  };
}

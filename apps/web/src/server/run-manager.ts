import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunEvent, RunParams } from '../shared/run-events';
import type { RunWorkerCommand, RunWorkerData } from '../worker/run-worker-data';

const WORKER_ENTRY = path.join(__dirname, '..', 'worker', 'run-worker-entry.cjs');
// A cancelled blocking run only sees the cancel message after its current request; don't wait longer.
const CANCEL_GRACE_MS = 300;

/** Where a run's events go; `false` from `write` is fine (SSE keeps buffering). */
export interface RunSink {
  send(event: RunEvent): void;
  /** The run is over (ended, failed or cancelled); close the stream. */
  end(): void;
}

/** Lifecycle of one run, as the server tracks it. */
export type RunState = 'pending' | 'running' | 'done';

interface Run {
  id: string;
  params: RunParams;
  data: RunWorkerData;
  state: RunState;
  worker?: Worker;
  exited?: boolean;
  sink?: RunSink;
  expiry?: NodeJS.Timeout;
}

/** Options for {@link RunManager}. */
export interface RunManagerOptions {
  /** Runs (pending or running) allowed at once; more are refused. */
  maxRuns: number;
  /** A created run nobody streams within this time is dropped. */
  pendingTtlMs: number;
}

/**
 * Owns the runs: each is created pending, starts its own worker thread when its event stream is
 * opened, forwards the worker's events to that stream, and is cancelled when the stream's client
 * leaves. Emits `closed` (`id`, `reason`) when a run's worker is gone, for tests and logs.
 */
export class RunManager extends EventEmitter<{ closed: [id: string, reason: 'ended' | 'cancelled' | 'failed' | 'expired'] }> {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly options: RunManagerOptions) {
    super();
  }

  /** How many runs are pending or running. */
  get size(): number {
    return this.runs.size;
  }

  /** Registers a run; it starts when {@link attach} opens its stream. Returns undefined when too many runs are active. */
  create(params: RunParams, data: Omit<RunWorkerData, 'runId' | 'params'>): string | undefined {
    if (this.runs.size >= this.options.maxRuns) return undefined;
    const id = randomUUID();
    const run: Run = { id, params, data: { ...data, runId: id, params }, state: 'pending' };
    run.expiry = setTimeout(() => this.finish(run, 'expired'), this.options.pendingTtlMs).unref();
    this.runs.set(id, run);
    return id;
  }

  /** The state of run `id`, or undefined when unknown or over. */
  state(id: string): RunState | undefined {
    return this.runs.get(id)?.state;
  }

  /** Starts run `id` streaming into `sink`. False when the run is unknown or already streaming. */
  attach(id: string, sink: RunSink): boolean {
    const run = this.runs.get(id);
    if (!run || run.state !== 'pending') return false;
    clearTimeout(run.expiry);
    run.state = 'running';
    run.sink = sink;
    const worker = new Worker(WORKER_ENTRY, { workerData: { kind: 'waitless-web-run', data: run.data }, stdout: false, stderr: false });
    run.worker = worker;
    worker.on('message', (event: RunEvent) => {
      if (run.state !== 'running') return;
      sink.send(event);
      if (event.type === 'run-end') this.finish(run, 'ended');
      else if (event.type === 'run-error') this.finish(run, 'failed');
    });
    worker.on('error', (error) => {
      if (run.state !== 'running') return;
      sink.send({ type: 'run-error', message: `The run worker failed: ${error.message}` });
      this.finish(run, 'failed');
    });
    worker.on('exit', (code) => {
      run.exited = true;
      if (run.state !== 'running') return;
      sink.send({ type: 'run-error', message: `The run worker exited (code ${code}) before the run ended.` });
      this.finish(run, 'failed');
    });
    return true;
  }

  /** Cancels run `id` (pending or running): the worker is told to abort, then terminated. False when unknown. */
  cancel(id: string): boolean {
    const run = this.runs.get(id);
    if (!run) return false;
    this.finish(run, 'cancelled');
    return true;
  }

  /** Cancels every run; resolves when their workers are gone. */
  async closeAll(): Promise<void> {
    const workers = [...this.runs.values()].map((run) => run.worker).filter((w): w is Worker => w !== undefined);
    for (const run of [...this.runs.values()]) this.finish(run, 'cancelled');
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private finish(run: Run, reason: 'ended' | 'cancelled' | 'failed' | 'expired'): void {
    if (run.state === 'done') return;
    run.state = 'done';
    clearTimeout(run.expiry);
    this.runs.delete(run.id);
    run.sink?.end();
    const worker = run.worker;
    if (!worker || run.exited) {
      this.emit('closed', run.id, reason);
      return;
    }
    let kill: NodeJS.Timeout | undefined;
    worker.once('exit', () => {
      clearTimeout(kill);
      this.emit('closed', run.id, reason);
    });
    // A worker posts run-end after releasing its pools and sockets, so it can go at once. A cancelled
    // one is asked to abort its requests first (closing their sockets cleanly), then terminated.
    if (reason === 'cancelled') {
      worker.postMessage({ type: 'cancel' } satisfies RunWorkerCommand);
      kill = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
    } else {
      void worker.terminate();
    }
  }
}

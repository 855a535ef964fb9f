import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loopLagMs } from '@waitless/concurrency/heartbeat';
import { now } from '@waitless/core';
import { HEARTBEAT_INTERVAL_MS, type RequestEndEvent, type RunEndEvent, type RunEvent, type RunParams } from '../shared/run-events';
import { summariseRun } from '../shared/run-summary';
import type { RunHostData, RunWorkerCommand, RunWorkerData } from '../worker/run-worker-data';

const WORKER_ENTRY = path.join(__dirname, '..', 'worker', 'run-worker-entry.cjs');

/** Where a run's events go; `false` from `write` is fine (SSE keeps buffering). */
export interface RunSink {
  send(event: RunEvent): void;
  /** The run is over (ended, failed or cancelled); close the stream. */
  end(): void;
}

/** Lifecycle of one run, as the server tracks it. `cancelling`: told to stop, its worker has not answered yet. */
export type RunState = 'pending' | 'running' | 'cancelling' | 'done';

/** Why a run's slot was released. */
export type RunCloseReason = 'ended' | 'cancelled' | 'failed' | 'expired';

/** A run worker thread, bound to one strategy; between runs it waits, warm, for the next run of that strategy. */
interface Host {
  strategy: string;
  /** Threads it holds: its own and those its strategy starts. */
  threads: number;
  worker: Worker;
  run?: Run;
  exited: boolean;
  idleTimer?: NodeJS.Timeout;
  /** The uncaught error that ended the thread, if one did. */
  error?: string;
}

interface Run {
  id: string;
  /** Who asked for it (the client's address), for per-client fairness. */
  client: string;
  /** Request slots of the in-flight budget it holds: the most requests it can have in flight. */
  inFlight: number;
  /** Threads of the thread budget it holds: its run worker thread and those its strategy starts. */
  threads: number;
  params: RunParams;
  data: RunWorkerData;
  state: RunState;
  host?: Host;
  sink?: RunSink;
  expiry?: NodeJS.Timeout;
  kill?: NodeJS.Timeout;
  deadline?: NodeJS.Timeout;
  /** Why the server stopped the run, when it did (the duration limit). */
  stoppedBecause?: string;
  // What the stream has carried, so a run whose worker had to be killed still ends with a summary of what settled.
  t0?: number;
  dispatched: number;
  ends: RequestEndEvent[];
  lastTick?: number;
  maxGapMs: number;
}

/** Budgets that keep one client, or many, from exhausting the server. Every run counts from creation until its worker is idle or gone. */
export interface RunBudgets {
  /** Runs (pending, running or cancelling) allowed at once. */
  maxRuns: number;
  /** Runs one client (address) may hold at once, so one client cannot take every slot. */
  maxRunsPerClient: number;
  /** Requests that may be in flight across all runs: each run reserves `min(count, concurrency)` (1 when sequential). */
  maxInFlight: number;
  /**
   * Threads the runs may hold, busy or kept warm: each run worker thread plus the threads its strategy starts (what
   * the strategy's plugin declares, e.g. a pool and its helper). Idle warm workers are let go first to make room.
   */
  maxThreads: number;
  /** A run still going after this long is stopped, ending with a summary of what settled. */
  maxRunMs: number;
}

/**
 * Default budgets: 8 runs, 4 per client, 1000 requests in flight, 64 threads (a worker-threaded run with a pool of 20
 * holds 22, a native-async one 1: enough for a 2-core machine, whose threads mostly wait), 2 minutes a run.
 */
export const DEFAULT_RUN_BUDGETS: RunBudgets = { maxRuns: 8, maxRunsPerClient: 4, maxInFlight: 1000, maxThreads: 64, maxRunMs: 120_000 };

/** {@link RunManager.create}'s answer: the run's id, or why it was refused (an answer for a 429). */
export type CreateResult = { ok: true; id: string } | { ok: false; reason: string };

/** Options for {@link RunManager}. */
export interface RunManagerOptions extends RunBudgets {
  /** A created run nobody streams within this time is dropped. */
  pendingTtlMs: number;
  /** Config the run workers build their Waitless containers from. */
  waitless: RunHostData['waitless'];
  /** Threads one instance of each strategy starts beyond its run worker thread (`runtime.threads(name)`); 0 when absent. */
  strategyThreads: Readonly<Record<string, number>>;
  /** How long an idle run worker stays warm for the next run of its strategy (default 60 s). */
  idleWorkerTtlMs?: number;
  /** How long a cancelled run's worker may take to stop before it is terminated (default 1 s). */
  cancelGraceMs?: number;
}

/**
 * Owns the runs and the worker threads that execute them. A run is created pending and starts when its
 * event stream is attached: on an idle warm worker of the same strategy when there is one (one per strategy
 * is kept for `idleWorkerTtlMs`), else on a new thread. Cancelling asks the worker to stop; the run still
 * ends with `run-end` summarising what settled, from the worker or, if it does not stop within
 * `cancelGraceMs`, from what the stream carried, once the terminated thread is gone. A run's slot is released
 * only when its worker is idle again or gone. Emits `closed` (`id`, `reason`) then, for tests and logs.
 */
export class RunManager extends EventEmitter<{ closed: [id: string, reason: RunCloseReason] }> {
  private readonly runs = new Map<string, Run>();
  private readonly hosts = new Set<Host>();
  private readonly idle = new Map<string, Host>();

  constructor(private readonly options: RunManagerOptions) {
    super();
  }

  /** How many runs hold a slot (pending, running or cancelling). */
  get size(): number {
    return this.runs.size;
  }

  /** How many run worker threads exist, busy or idle (each strategy's own threads, such as a pool, come on top). */
  get workerCount(): number {
    return this.hosts.size;
  }

  /** Threads the run workers that exist hold, busy or idle: their own and those their strategies start. */
  get threadCount(): number {
    return total(this.hosts, (host) => host.threads);
  }

  /** Threads reserved by the runs that hold a slot. */
  get threadsReserved(): number {
    return total(this.runs.values(), (run) => run.threads);
  }

  /** Requests reserved by the runs that hold a slot. */
  get inFlightReserved(): number {
    return total(this.runs.values(), (run) => run.inFlight);
  }

  /**
   * Registers a run for `client`; it starts when {@link attach} opens its stream, and is dropped if nobody does
   * within `pendingTtlMs`. Refused, with a reason a user can act on, when it would exceed a budget.
   */
  create(params: RunParams, data: Omit<RunWorkerData, 'runId' | 'params'>, client: string): CreateResult {
    const { maxRuns, maxRunsPerClient, maxInFlight, maxThreads } = this.options;
    const inFlight = params.mode === 'sequential' ? 1 : Math.min(params.count, params.concurrency);
    const mine = [...this.runs.values()].filter((r) => r.client === client).length;
    if (this.runs.size >= maxRuns) {
      return { ok: false, reason: `Too many runs at once (limit ${maxRuns}). Wait for one to finish or cancel it.` };
    }
    if (mine >= maxRunsPerClient) {
      return {
        ok: false,
        reason: `You already have ${mine} runs going (limit ${maxRunsPerClient} a client). Wait for one to finish or cancel it.`,
      };
    }
    const free = maxInFlight - this.inFlightReserved;
    if (inFlight > free) {
      return {
        ok: false,
        reason:
          `The server is busy: this run needs ${inFlight} requests in flight and ${Math.max(0, free)} of ${maxInFlight} are free. ` +
          'Lower the concurrency or wait for a run to finish.',
      };
    }
    const threads = this.threadsOf(params.strategy);
    const freeThreads = maxThreads - this.threadsReserved;
    if (threads > freeThreads) return { ok: false, reason: this.threadsRefusal(params.strategy, threads, freeThreads) };
    const id = randomUUID();
    const run: Run = {
      id,
      client,
      inFlight,
      threads,
      params,
      data: { ...data, runId: id, params },
      state: 'pending',
      dispatched: 0,
      ends: [],
      maxGapMs: 0,
    };
    run.expiry = setTimeout(() => this.release(run, 'expired'), this.options.pendingTtlMs).unref();
    this.runs.set(id, run);
    return { ok: true, id };
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
    run.deadline = setTimeout(() => {
      const limit = this.options.maxRunMs >= 1000 ? `${Math.round(this.options.maxRunMs / 1000)} s` : `${this.options.maxRunMs} ms`;
      run.stoppedBecause = `Stopped by the server at its ${limit} limit on a run's duration.`;
      this.cancel(run.id);
    }, this.options.maxRunMs).unref();
    const warm = this.idle.get(run.params.strategy);
    const host = warm ?? this.spawn(run.params.strategy);
    if (warm) {
      this.idle.delete(warm.strategy);
      clearTimeout(warm.idleTimer);
      warm.worker.ref();
    }
    host.run = run;
    run.host = host;
    sink.send({ type: 'worker', reused: warm !== undefined });
    host.worker.postMessage({ type: 'run', data: run.data, reusedWorker: warm !== undefined } satisfies RunWorkerCommand);
    return true;
  }

  /**
   * Cancels run `id`: a pending one is dropped, a running one is told to stop and ends with a `run-end` that
   * summarises what settled. False when unknown.
   */
  cancel(id: string): boolean {
    const run = this.runs.get(id);
    if (!run) return false;
    if (run.state === 'pending') {
      this.release(run, 'cancelled');
    } else if (run.state === 'running' && run.host) {
      const host = run.host;
      run.state = 'cancelling';
      host.worker.postMessage({ type: 'cancel' } satisfies RunWorkerCommand);
      // A blocking strategy sees the message only after its current request: don't wait for it longer than this.
      run.kill = setTimeout(() => void host.worker.terminate(), this.options.cancelGraceMs ?? 1000).unref();
    }
    return true;
  }

  /** Cancels every run and terminates every worker; resolves when the threads are gone. */
  async closeAll(): Promise<void> {
    const hosts = [...this.hosts];
    for (const run of [...this.runs.values()]) if (run.state === 'pending') this.release(run, 'cancelled');
    await Promise.all(hosts.map((host) => host.worker.terminate()));
  }

  /** Threads a run of `strategy` holds: its run worker thread and those the strategy starts. */
  private threadsOf(strategy: string): number {
    return 1 + (this.options.strategyThreads[strategy] ?? 0);
  }

  private threadsRefusal(strategy: string, threads: number, free: number): string {
    const { maxThreads } = this.options;
    const needs = `a ${strategy} run needs ${threads} threads (its run thread and ${threads - 1} the strategy starts)`;
    if (threads > maxThreads) {
      return (
        `This server cannot run ${strategy}: ${needs}, more than its whole ${maxThreads}-thread budget. ` +
        'Choose a strategy that starts fewer threads.'
      );
    }
    return (
      `The server is busy: ${needs} and ${Math.max(0, free)} of the ${maxThreads}-thread budget are free. ` +
      'Wait for a run to finish or choose a strategy that starts fewer threads.'
    );
  }

  private spawn(strategy: string): Host {
    // Within the thread budget: warm idle workers of other strategies are let go, oldest first. `create` reserved
    // this run's threads, so letting every idle one go always makes room.
    let held = this.threadsReserved;
    for (const idle of this.idle.values()) held += idle.threads;
    for (const idle of [...this.idle.values()]) {
      if (held <= this.options.maxThreads) break;
      this.idle.delete(idle.strategy);
      clearTimeout(idle.idleTimer);
      void idle.worker.terminate();
      held -= idle.threads;
    }
    const hostData: RunHostData = { strategy, waitless: this.options.waitless };
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { kind: 'waitless-web-run-host', host: hostData },
      stdout: false,
      stderr: false,
    });
    const host: Host = { strategy, threads: this.threadsOf(strategy), worker, exited: false };
    this.hosts.add(host);
    worker.on('message', (event: RunEvent) => this.onEvent(host, event));
    // An uncaught error ends the thread: 'exit' follows and reports it to the run.
    worker.on('error', (error) => (host.error = error.message));
    worker.on('exit', (code) => this.onExit(host, code));
    return host;
  }

  private onEvent(host: Host, event: RunEvent): void {
    const run = host.run;
    if (!run) return;
    this.track(run, event);
    run.sink?.send(event.type === 'run-end' && run.stoppedBecause ? { ...event, stoppedBecause: run.stoppedBecause } : event);
    if (event.type === 'run-end') {
      this.release(run, run.state === 'cancelling' || event.summary.cancelled ? 'cancelled' : 'ended');
      this.park(host);
    } else if (event.type === 'run-error') {
      // The worker's state is unknown after a failure: it is not reused, and the slot is freed once it is gone.
      run.sink?.end();
      void host.worker.terminate();
    }
  }

  private onExit(host: Host, code: number): void {
    host.exited = true;
    this.hosts.delete(host);
    clearTimeout(host.idleTimer);
    if (this.idle.get(host.strategy) === host) this.idle.delete(host.strategy);
    const run = host.run;
    host.run = undefined;
    if (!run || run.state === 'done') return;
    if (run.state === 'cancelling') {
      run.sink?.send(this.partialEnd(run));
      this.release(run, 'cancelled');
    } else {
      const why = host.error ? `failed: ${host.error}` : `exited (code ${code}) before the run ended`;
      run.sink?.send({ type: 'run-error', message: `The run worker ${why}.` });
      this.release(run, 'failed');
    }
  }

  /** Keeps what a forced end needs from the stream: the start, dispatch count, settled requests and the longest heartbeat gap. */
  private track(run: Run, event: RunEvent): void {
    switch (event.type) {
      case 'run-start':
        run.t0 = event.t0;
        break;
      case 'request-start':
        run.dispatched++;
        break;
      case 'request-end':
        run.ends.push(event);
        break;
      case 'heartbeat':
        for (const tick of event.ticks) {
          if (run.lastTick !== undefined && run.t0 !== undefined && tick > run.t0) {
            run.maxGapMs = Math.max(run.maxGapMs, tick - Math.max(run.lastTick, run.t0));
          }
          run.lastTick = tick;
        }
        break;
      default:
        break;
    }
  }

  private partialEnd(run: Run): RunEndEvent {
    const endedAt = Math.max(now(), ...run.ends.map((e) => e.endedAt));
    const t0 = run.t0 ?? endedAt;
    const gapToEnd = run.lastTick !== undefined && run.t0 !== undefined ? endedAt - Math.max(run.lastTick, t0) : 0;
    const summary = summariseRun(run.ends, {
      params: run.params,
      t0,
      endedAt,
      maxLagMs: loopLagMs(Math.max(run.maxGapMs, gapToEnd), HEARTBEAT_INTERVAL_MS),
      dispatched: run.dispatched,
      cancelled: true,
    });
    return { type: 'run-end', endedAt, summary, ...(run.stoppedBecause && { stoppedBecause: run.stoppedBecause }) };
  }

  /** Keeps an idle worker warm for the next run of its strategy (one a strategy), or lets it go. */
  private park(host: Host): void {
    host.run = undefined;
    if (host.exited) return;
    if (this.idle.has(host.strategy)) {
      void host.worker.terminate();
      return;
    }
    this.idle.set(host.strategy, host);
    // A warm worker waiting for work must not keep the process alive.
    host.worker.unref();
    host.idleTimer = setTimeout(() => void host.worker.terminate(), this.options.idleWorkerTtlMs ?? 60_000).unref();
  }

  private release(run: Run, reason: RunCloseReason): void {
    if (run.state === 'done') return;
    run.state = 'done';
    clearTimeout(run.expiry);
    clearTimeout(run.kill);
    clearTimeout(run.deadline);
    this.runs.delete(run.id);
    run.sink?.end();
    this.emit('closed', run.id, reason);
  }
}

/** The sum of `amount` over `items`: what a budget's holders hold between them. */
function total<T>(items: Iterable<T>, amount: (item: T) => number): number {
  let sum = 0;
  for (const item of items) sum += amount(item);
  return sum;
}

import { parentPort, workerData } from 'node:worker_threads';
import { standardDecorators, failedCallTimings } from '@waitless/concurrency';
import { loopLagMs } from '@waitless/concurrency/heartbeat';
import { POKEMON_COUNT, pokemonUrl } from '@waitless/pokeapi';
import { createWaitless, isHttpError, now, type FetchResult, type FetchStrategy, type WaitlessRuntime } from '@waitless/core';
import { HEARTBEAT_INTERVAL_MS, type RequestEndEvent, type RunEvent } from '../shared/run-events';
import { summariseRun } from '../shared/run-summary';
import { dispatchPerTurn } from './dispatch-per-turn';
import { startHeartbeat } from './heartbeat';
import type { RunHostData, RunWorkerCommand, RunWorkerData } from './run-worker-data';
import { warmUp, warmUpRequests } from './warm-up';

const HEARTBEAT_FLUSH_MS = 100;
// The heartbeat runs a few ticks before the first request, so a block that starts at once is recorded.
const HEARTBEAT_LEAD_MS = 30;

/**
 * The body of a run worker thread: it builds its own Waitless container for one strategy and runs that
 * strategy's runs one at a time on this thread's loop, with a heartbeat ticking on the same loop. The
 * container (its thread pool, its sockets) lives as long as the thread, so a later run starts warm. Every
 * run begins with an untimed warm-up, so start-up never counts in a run's wall time or speedup.
 */
export class RunHost {
  private waitless: WaitlessRuntime | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: RunHostData,
    private readonly post: (event: RunEvent) => void,
  ) {}

  /** Aborts the current run's requests and stops its dispatching; the run still ends with `run-end`. */
  cancel(): void {
    this.controller?.abort(new Error('Run cancelled.'));
  }

  /** Runs one run to its end, posting every event; the last is `run-end` (or `run-error`, after which the thread is not reused). */
  async run(data: RunWorkerData, reusedWorker: boolean): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      await this.runOnce(data, reusedWorker, controller.signal);
    } catch (error) {
      this.post({ type: 'run-error', message: oneLine(error) });
    } finally {
      this.controller = undefined;
    }
  }

  private strategy(): Promise<FetchStrategy> {
    // The decorators let retry / rate limit / timeouts from waitless.config.json apply to web runs too.
    this.waitless ??= createWaitless({ ...this.host.waitless, strategy: this.host.strategy, decorators: standardDecorators });
    return this.waitless.ready(this.host.strategy);
  }

  private async runOnce(data: RunWorkerData, reusedWorker: boolean, signal: AbortSignal): Promise<void> {
    const { params } = data;
    const warmUpStarted = now();
    const strategy = await this.strategy();
    const profile = (this.waitless as WaitlessRuntime).describe(params.strategy).profile;
    const requests = warmUpRequests(data, profile);
    this.post({ type: 'warm-up-start', requests });
    const warmed = await warmUp(strategy, data, requests, signal);
    const warmUpMs = now() - warmUpStarted;

    const heartbeat = startHeartbeat(HEARTBEAT_INTERVAL_MS, HEARTBEAT_FLUSH_MS, (ticks) => this.post({ type: 'heartbeat', ticks }));
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_LEAD_MS));

    const t0 = now();
    this.post({
      type: 'run-start',
      runId: data.runId,
      params,
      profile,
      t0,
      heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      warmUp: { ms: warmUpMs, sent: warmed.sent, failed: warmed.failed, reusedWorker },
    });
    const ends: RequestEndEvent[] = [];
    const knobs = data.fixtureKnobs ? { latency: params.latencyMs, errorRate: params.errorRate } : undefined;

    const runOne = async (index: number): Promise<void> => {
      const startedAt = now();
      this.post({ type: 'request-start', index, at: startedAt });
      const url = pokemonUrl(data.baseUrl, 1 + ((index * 37) % POKEMON_COUNT), knobs);
      let end: RequestEndEvent;
      try {
        const result: FetchResult = await strategy.fetch({ url, signal });
        const { timings } = result;
        end = {
          type: 'request-end',
          index,
          startedAt,
          endedAt: timings.endedAt,
          // The last attempt's start, seen from here: queues and thread hand-off included, not only what decorators report.
          waitedMs: Math.max(timings.waitedMs, timings.startedAt - startedAt, 0),
          ok: true,
          status: result.status,
          attempts: timings.attempts,
        };
      } catch (error) {
        const timings = failedCallTimings(error);
        end = {
          type: 'request-end',
          index,
          startedAt,
          endedAt: now(),
          waitedMs: timings.waitedMs,
          ok: false,
          status: isHttpError(error) ? error.status : undefined,
          attempts: timings.attempts,
          error: oneLine(error),
        };
      }
      ends.push(end);
      this.post(end);
    };

    const concurrency = params.mode === 'sequential' ? 1 : params.concurrency;
    const dispatched = await dispatchPerTurn(params.count, runOne, { concurrency, signal });
    const endedAt = Math.max(now(), ...ends.map((e) => e.endedAt));
    heartbeat.stop();
    const summary = summariseRun(ends, {
      params,
      t0,
      endedAt,
      maxLagMs: loopLagMs(heartbeat.maxGapMs(t0, endedAt), HEARTBEAT_INTERVAL_MS),
      dispatched,
      cancelled: signal.aborted,
    });
    this.post({ type: 'run-end', endedAt, summary });
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].slice(0, 240);
}

// Started as a worker thread (through run-worker-entry.cjs): run what the server sends until it terminates the thread.
if (parentPort && workerData && (workerData as { kind?: string }).kind === 'waitless-web-run-host') {
  const port = parentPort;
  const host = new RunHost((workerData as { host: RunHostData }).host, (event) => port.postMessage(event));
  port.on('message', (command: RunWorkerCommand) => {
    if (command.type === 'cancel') host.cancel();
    else void host.run(command.data, command.reusedWorker);
  });
}

import { parentPort, workerData } from 'node:worker_threads';
import { standardDecorators, failedCallTimings } from '@waitless/concurrency';
import { loopLagMs } from '@waitless/concurrency/heartbeat';
import { POKEMON_COUNT, pokemonUrl } from '@waitless/pokeapi';
import { createWaitless, isHttpError, now, type FetchResult } from '@waitless/core';
import { HEARTBEAT_INTERVAL_MS, type RequestEndEvent, type RunEvent, type RunSummary } from '../shared/run-events';
import { dispatchPerTurn } from './dispatch-per-turn';
import { startHeartbeat } from './heartbeat';
import type { RunWorkerCommand, RunWorkerData } from './run-worker-data';

const HEARTBEAT_FLUSH_MS = 100;
// The heartbeat runs a few ticks before the first request, so a block that starts at once is recorded.
const WARM_UP_MS = 30;

/**
 * The body of a run worker: builds its own Waitless container, runs the requests with the chosen
 * strategy on this thread's loop while a heartbeat ticks on the same loop, and posts every event to
 * the server. A `cancel` message aborts the in-flight requests and stops dispatching.
 */
export async function runWorker(
  data: RunWorkerData,
  post: (event: RunEvent) => void,
  onCommand: (listener: (command: RunWorkerCommand) => void) => void,
): Promise<void> {
  const { params } = data;
  const controller = new AbortController();
  onCommand((command) => {
    if (command.type === 'cancel') controller.abort(new Error('The client left; run cancelled.'));
  });

  // The decorators module lets retry / rate limit / timeouts from waitless.config.json apply to web runs too.
  const waitless = createWaitless({ ...data.waitless, strategy: params.strategy, decorators: standardDecorators });
  try {
    const strategy = waitless.strategy();
    const profile = waitless.describe(params.strategy).profile;
    const heartbeat = startHeartbeat(HEARTBEAT_INTERVAL_MS, HEARTBEAT_FLUSH_MS, (ticks) => post({ type: 'heartbeat', ticks }));
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));

    const t0 = now();
    post({ type: 'run-start', runId: data.runId, params, profile, t0, heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS });
    const ends: RequestEndEvent[] = [];
    const knobs = data.fixtureKnobs ? { latency: params.latencyMs, errorRate: params.errorRate } : undefined;

    const runOne = async (index: number): Promise<void> => {
      const startedAt = now();
      post({ type: 'request-start', index, at: startedAt });
      const url = pokemonUrl(data.baseUrl, 1 + ((index * 37) % POKEMON_COUNT), knobs);
      let end: RequestEndEvent;
      try {
        const result: FetchResult = await strategy.fetch({ url, signal: controller.signal });
        end = {
          type: 'request-end',
          index,
          startedAt,
          endedAt: result.timings.endedAt,
          ok: true,
          status: result.status,
          attempts: result.timings.attempts,
        };
      } catch (error) {
        const status = isHttpError(error) ? error.status : undefined;
        end = {
          type: 'request-end',
          index,
          startedAt,
          endedAt: now(),
          ok: false,
          status,
          attempts: failedCallTimings(error).attempts,
          error: oneLine(error),
        };
      }
      ends.push(end);
      post(end);
    };

    const concurrency = params.mode === 'sequential' ? 1 : params.concurrency;
    const dispatched = await dispatchPerTurn(params.count, runOne, { concurrency, signal: controller.signal });
    const endedAt = Math.max(now(), ...ends.map((e) => e.endedAt));
    heartbeat.stop();
    const summary = summarise(ends, t0, endedAt, heartbeat.maxGapMs(t0, endedAt), dispatched, controller.signal.aborted);
    // Pools and sockets are released before run-end, so the server may terminate this thread on receipt.
    await waitless.close();
    post({ type: 'run-end', endedAt, summary });
  } catch (error) {
    await waitless.close();
    throw error;
  }
}

function summarise(
  ends: RequestEndEvent[],
  t0: number,
  endedAt: number,
  maxGapMs: number,
  dispatched: number,
  cancelled: boolean,
): RunSummary {
  const wallMs = endedAt - t0;
  const sumDurationMs = ends.reduce((sum, e) => sum + (e.endedAt - e.startedAt), 0);
  return {
    wallMs,
    sumDurationMs,
    speedup: wallMs > 0 ? sumDurationMs / wallMs : 1,
    maxLagMs: loopLagMs(maxGapMs, HEARTBEAT_INTERVAL_MS),
    ok: ends.filter((e) => e.ok).length,
    failed: ends.filter((e) => !e.ok).length,
    retried: ends.filter((e) => e.attempts > 1).length,
    dispatched,
    cancelled,
  };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].slice(0, 240);
}

// Started as a worker thread (through run-worker-entry.cjs): run once, report, let the thread end.
if (parentPort && workerData && (workerData as { kind?: string }).kind === 'waitless-web-run') {
  const port = parentPort;
  runWorker(
    (workerData as { data: RunWorkerData }).data,
    (event) => port.postMessage(event),
    (listener) => port.on('message', listener),
  )
    .catch((error: unknown) => port.postMessage({ type: 'run-error', message: oneLine(error) } satisfies RunEvent))
    .finally(() => port.removeAllListeners('message'));
}

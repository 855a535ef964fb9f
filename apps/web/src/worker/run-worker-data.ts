import type { RunParams } from '../shared/run-events';

/** What the server hands a run worker thread when it starts it (structured-clone safe). */
export interface RunHostData {
  /** The one strategy this thread runs; it stays warm between runs of that strategy. */
  strategy: string;
  /** How the worker builds its own container: the same config the server loaded. */
  waitless: { configPath?: string; inline?: unknown; cwd: string };
}

/** One run for a run worker (structured-clone safe). */
export interface RunWorkerData {
  runId: string;
  params: RunParams;
  /** Base URL the requests go to: the embedded fixture server or an allow-listed one. */
  baseUrl: string;
  /** Whether `baseUrl` is the fixture server, which understands `latency`/`errorRate` query knobs. */
  fixtureKnobs: boolean;
}

/**
 * Messages the server sends a run worker: `run` starts a run (one at a time; the thread answers with its events,
 * ending with `run-end` or `run-error`), `cancel` aborts the current one, which still ends with `run-end`.
 */
export type RunWorkerCommand = { type: 'run'; data: RunWorkerData; reusedWorker: boolean } | { type: 'cancel' };

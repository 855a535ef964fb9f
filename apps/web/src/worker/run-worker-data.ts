import type { RunParams } from '../shared/run-events';

/** What the server hands a run worker (structured-clone safe). */
export interface RunWorkerData {
  runId: string;
  params: RunParams;
  /** Base URL the requests go to: the embedded fixture server or an allow-listed one. */
  baseUrl: string;
  /** Whether `baseUrl` is the fixture server, which understands `latency`/`errorRate` query knobs. */
  fixtureKnobs: boolean;
  /** How the worker builds its own container: the same config the server loaded. */
  waitless: { configPath?: string; inline?: unknown; cwd: string };
}

/** Messages the server sends a run worker. */
export type RunWorkerCommand = { type: 'cancel' };

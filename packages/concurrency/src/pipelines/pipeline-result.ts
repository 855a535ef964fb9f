import type { PipelineNode } from './pipeline-node';

/** `ok`: finished. `failed`: threw. `cancelled`: stopped while running (deadline, signal, failed sibling). `skipped`: never started. */
export type PipelineNodeStatus = 'ok' | 'failed' | 'cancelled' | 'skipped';

/** The outcome of one node; the result tree mirrors the spec tree. */
export interface PipelineNodeResult {
  type: PipelineNode['type'];
  /** The node's `name`, else a description (`step pokemon.detail`, `GET {baseUrl}/…`). */
  label: string;
  /** JSON path of the node in the spec, e.g. `$.steps[1].steps[0]`. */
  path: string;
  status: PipelineNodeStatus;
  output?: unknown;
  /** The error message, when failed or cancelled. */
  error?: string;
  /** Epoch ms (core `now()`), absent when skipped. */
  startedAt?: number;
  endedAt?: number;
  children?: PipelineNodeResult[];
}

import { allowManyListeners, linkSignal, now, type FetchStrategy } from '@waitless/core/plugin';
import { gather } from '../combinators/gather';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { PipelineDeadlineError } from '../errors/pipeline-deadline-error';
import { observed } from '../internal/observed';
import { validatePipeline } from './load-pipeline';
import type { ConcurrentNode, PipelineNode, SequenceNode } from './pipeline-node';
import type { PipelineNodeResult, PipelineNodeStatus } from './pipeline-result';
import type { PipelineStep } from '@waitless/core';
import { BUILTIN_STEPS } from './builtin-steps';
import { renderUrl, renderValue, type TemplateScope } from './render-template';

/** Children of a `concurrent` node run at most this many at once unless it says otherwise. */
export const DEFAULT_PIPELINE_CONCURRENCY = 8;

/** Options of {@link runPipeline}. */
export interface RunPipelineOptions {
  /** Carries every request node and is handed to steps. */
  strategy: FetchStrategy;
  /** Registered steps, usually `runtime.pipelineSteps()`; the built-ins (`pick`) are always added. */
  steps?: readonly PipelineStep[];
  /** One deadline for the whole run; when it passes, every running step is aborted. */
  deadlineMs?: number;
  /** Aborting it cancels the run the same way. */
  signal?: AbortSignal;
  /** Input of the root node. */
  input?: unknown;
  /** What `{baseUrl}` stands for. */
  baseUrl?: string;
  /** Names the spec in validation errors. */
  source?: string;
}

interface RunContext {
  strategy: FetchStrategy;
  steps: Map<string, PipelineStep>;
  baseUrl?: string;
}

/**
 * Runs a pipeline tree and returns a result tree that mirrors it, with each node's status, output or
 * error message and timestamps. It validates the whole tree before the first request (throwing
 * `PipelineSpecError`), then never throws: failures and cancellations are reported in the tree.
 * In a `concurrent` node the first failing child aborts its running siblings.
 * @example
 * const result = await runPipeline(loadPipeline('pipeline.json'), {
 *   strategy, steps: runtime.pipelineSteps(), baseUrl, deadlineMs: 5_000,
 * });
 * if (result.status !== 'ok') console.error(result.error);
 */
export async function runPipeline(spec: PipelineNode, options: RunPipelineOptions): Promise<PipelineNodeResult> {
  const steps = [...BUILTIN_STEPS, ...(options.steps ?? [])];
  const root = validatePipeline(spec, { steps, source: options.source });
  if (options.deadlineMs !== undefined && !(Number.isFinite(options.deadlineMs) && options.deadlineMs > 0)) {
    throw new InvalidOptionError('runPipeline.deadlineMs', options.deadlineMs, 'a number of milliseconds > 0');
  }
  // Later registrations win, so an app can replace a built-in step.
  const context: RunContext = { strategy: options.strategy, steps: new Map(steps.map((s) => [s.name, s])), baseUrl: options.baseUrl };
  const { controller, unlink } = linkSignal(options.signal);
  // Every step of the run listens on this one signal.
  allowManyListeners(controller.signal);
  const deadlineMs = options.deadlineMs;
  const deadline =
    deadlineMs === undefined ? undefined : setTimeout(() => controller.abort(new PipelineDeadlineError(deadlineMs)), deadlineMs);
  try {
    return await runNode(root, '$', options.input, controller.signal, context);
  } finally {
    clearTimeout(deadline);
    unlink();
  }
}

async function runNode(
  node: PipelineNode,
  path: string,
  input: unknown,
  signal: AbortSignal,
  context: RunContext,
): Promise<PipelineNodeResult> {
  if (signal.aborted) return skipped(node, path);
  const startedAt = now();
  const base = { type: node.type, label: labelOf(node), path, startedAt };
  if (node.type === 'sequence') return { ...base, ...(await runSequence(node, path, input, signal, context)), endedAt: now() };
  if (node.type === 'concurrent') return { ...base, ...(await runConcurrent(node, path, input, signal, context)), endedAt: now() };
  try {
    const output = await untilAborted(runLeaf(node, input, signal, context), signal);
    return { ...base, status: 'ok', output, endedAt: now() };
  } catch (error) {
    const cancelled = signal.aborted;
    return { ...base, status: cancelled ? 'cancelled' : 'failed', error: messageOf(cancelled ? signal.reason : error), endedAt: now() };
  }
}

type Outcome = Pick<PipelineNodeResult, 'status' | 'output' | 'error' | 'children'>;

async function runSequence(node: SequenceNode, path: string, input: unknown, signal: AbortSignal, context: RunContext): Promise<Outcome> {
  const children: PipelineNodeResult[] = [];
  let current = input;
  let stopped: PipelineNodeResult | undefined;
  for (const [i, child] of node.steps.entries()) {
    const childPath = `${path}.steps[${i}]`;
    if (stopped) {
      children.push(skipped(child, childPath));
      continue;
    }
    const result = await runNode(child, childPath, current, signal, context);
    children.push(result);
    if (result.status === 'ok') current = result.output;
    else stopped = result;
  }
  if (!stopped) return { status: 'ok', output: current, children };
  return { status: stopped.status, error: `${stopped.path}: ${stopped.error ?? stopped.status}`, children };
}

async function runConcurrent(
  node: ConcurrentNode,
  path: string,
  input: unknown,
  signal: AbortSignal,
  context: RunContext,
): Promise<Outcome> {
  const { controller, unlink } = linkSignal(signal);
  allowManyListeners(controller.signal);
  try {
    const tasks = node.steps.map((child, i) => async () => {
      const result = await runNode(child, `${path}.steps[${i}]`, input, controller.signal, context);
      // Fail fast: a failed child cancels its running siblings and keeps the rest from starting.
      if (result.status === 'failed' && !controller.signal.aborted) controller.abort(new Error(`Cancelled because ${result.path} failed.`));
      return result;
    });
    const children = await gather(tasks, { concurrency: node.concurrency ?? DEFAULT_PIPELINE_CONCURRENCY });
    const status = worst(children.map((c) => c.status));
    if (status === 'ok') return { status, output: children.map((c) => c.output), children };
    const culprit = children.find((c) => c.status === status);
    return { status, error: culprit && `${culprit.path}: ${culprit.error ?? culprit.status}`, children };
  } finally {
    unlink();
  }
}

async function runLeaf(
  node: Extract<PipelineNode, { type: 'step' | 'request' }>,
  input: unknown,
  signal: AbortSignal,
  context: RunContext,
): Promise<unknown> {
  const scope: TemplateScope = { input, baseUrl: context.baseUrl };
  if (node.type === 'request') {
    const { url, method, headers, json } = node.request;
    const result = await context.strategy.fetch({
      url: renderUrl(url, scope),
      method,
      headers: headers === undefined ? undefined : (renderValue(headers, scope) as Record<string, string>),
      json: json === undefined ? undefined : renderValue(json, scope),
      signal,
    });
    return result.body;
  }
  // validatePipeline checked every step name before the run started.
  const step = context.steps.get(node.step) as PipelineStep;
  const args = (renderValue(node.args ?? {}, scope) ?? {}) as Record<string, unknown>;
  return step.run(input, { strategy: context.strategy, signal, baseUrl: context.baseUrl, args });
}

// The deadline is a promise to the caller: a step that ignores its signal is reported cancelled on time
// (its promise is still observed, so a late rejection is not unhandled).
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(observed);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const SEVERITY: Record<PipelineNodeStatus, number> = { ok: 0, skipped: 1, cancelled: 2, failed: 3 };

function worst(statuses: PipelineNodeStatus[]): PipelineNodeStatus {
  return statuses.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'ok');
}

function skipped(node: PipelineNode, path: string): PipelineNodeResult {
  const result: PipelineNodeResult = { type: node.type, label: labelOf(node), path, status: 'skipped' };
  if (node.type === 'sequence' || node.type === 'concurrent') result.children = node.steps.map((c, i) => skipped(c, `${path}.steps[${i}]`));
  return result;
}

function labelOf(node: PipelineNode): string {
  if (node.name) return node.name;
  if (node.type === 'step') return `step ${node.step}`;
  if (node.type === 'request') return `${node.request.method ?? 'GET'} ${node.request.url}`;
  return `${node.type} of ${node.steps.length}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

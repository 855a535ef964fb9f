import type { HttpMethod } from '@waitless/core/plugin';

/** An HTTP call described by data. Strings may hold `{baseUrl}`, `{input}` and `{input.field.0.name}` placeholders. */
export interface RequestTemplate {
  /** e.g. `{baseUrl}/api/v2/pokemon/{input}`; a placeholder inside the URL is URL-encoded, one at its very start is not. */
  url: string;
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** Sent as JSON; a string that is exactly one placeholder keeps the value's type. */
  json?: unknown;
}

/** Runs its children one after another; each child's output is the next child's input. Output: the last child's. */
export interface SequenceNode {
  type: 'sequence';
  name?: string;
  steps: PipelineNode[];
}

/** Runs its children at the same time (at most `concurrency`, default 8), all with the same input. Output: their outputs, in order. */
export interface ConcurrentNode {
  type: 'concurrent';
  name?: string;
  concurrency?: number;
  steps: PipelineNode[];
}

/** Calls the step registered (`createWaitless({ steps })`) with this `step` name; `args` (placeholders allowed) reach it as `ctx.args`. */
export interface StepNode {
  type: 'step';
  name?: string;
  step: string;
  args?: Record<string, unknown>;
}

/** Sends the request through the run's strategy. Output: the response body. */
export interface RequestNode {
  type: 'request';
  name?: string;
  request: RequestTemplate;
}

/** One node of a pipeline tree, as built in code or loaded from JSON. */
export type PipelineNode = SequenceNode | ConcurrentNode | StepNode | RequestNode;

/**
 * Builders for pipeline trees in code; the same trees load from JSON with `loadPipeline`.
 * (A namespace, because `sequence` is also the name of the sequential combinator.)
 * @example
 * const spec = pipeline.sequence([
 *   pipeline.request({ url: '{baseUrl}/api/v2/pokemon?limit=3' }),
 *   pipeline.concurrent([0, 1, 2].map((i) => pipeline.step('pokemon.detail', { id: `{input.results.${i}.name}` })), { concurrency: 3 }),
 * ]);
 */
export const pipeline = {
  /** Children run one after another, output feeding input. */
  sequence: (steps: PipelineNode[], options: { name?: string } = {}): SequenceNode => ({ type: 'sequence', ...options, steps }),
  /** Children run at once with the same input; output is the array of their outputs. */
  concurrent: (steps: PipelineNode[], options: { name?: string; concurrency?: number } = {}): ConcurrentNode => ({
    type: 'concurrent',
    ...options,
    steps,
  }),
  /** A registered step by name, with optional arguments. */
  step: (step: string, args?: Record<string, unknown>, options: { name?: string } = {}): StepNode => ({
    type: 'step',
    ...options,
    step,
    ...(args ? { args } : {}),
  }),
  /** An HTTP request from a template. */
  request: (request: RequestTemplate, options: { name?: string } = {}): RequestNode => ({ type: 'request', ...options, request }),
} as const;

import { existsSync, readFileSync } from 'node:fs';
import { PipelineSpecError } from '../errors/pipeline-spec-error';
import type { PipelineNode } from './pipeline-node';
import { pipelineNodeSchema } from './pipeline-schema';
import { deepestSchemaIssue, type PipelineStep } from '@waitless/core/plugin';
import { BUILTIN_STEPS } from './builtin-steps';
import { unknownPlaceholders } from './render-template';

/** Options of {@link loadPipeline} and {@link validatePipeline}. */
export interface LoadPipelineOptions {
  /** Registered steps; when given, unknown step names are reported with the registered ones (built-ins included). */
  steps?: readonly PipelineStep[];
  /** Names the spec in error messages; default: the file path, or "the inline pipeline". */
  source?: string;
}

/**
 * Loads a pipeline tree from a JSON file path, a JSON string or an already-parsed object, validated with
 * zod. Every problem is a `PipelineSpecError` naming the file and the JSON path of the bad node, e.g.
 * `pipeline.json: $.steps[2].concurrency: expected a positive integer`.
 * @example const spec = loadPipeline('examples/pokemon-pipeline.json', { steps: runtime.pipelineSteps() });
 */
export function loadPipeline(spec: string | object, options: LoadPipelineOptions = {}): PipelineNode {
  if (typeof spec !== 'string') return validatePipeline(spec, { source: 'the inline pipeline', ...options });
  const looksLikeJson = spec.trimStart().startsWith('{');
  const source = options.source ?? (looksLikeJson ? 'the inline pipeline' : spec);
  let text = spec;
  if (!looksLikeJson) {
    if (!existsSync(spec))
      throw new PipelineSpecError(source, '$', 'file not found. Pass the path of a pipeline JSON file, or the JSON itself.');
    try {
      text = readFileSync(spec, 'utf8');
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const problem = code === 'EISDIR' ? 'is a directory' : `cannot be read (${message})`;
      throw new PipelineSpecError(source, '$', `${problem}. Pass the path of a pipeline JSON file, or the JSON itself.`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PipelineSpecError(source, '$', `is not valid JSON: ${(error as Error).message}. Fix the syntax.`);
  }
  return validatePipeline(parsed, { ...options, source });
}

/** Validates a tree (from JSON or the `pipeline` builders): shape, placeholders and, given `steps`, step names. */
export function validatePipeline(value: unknown, options: LoadPipelineOptions = {}): PipelineNode {
  const source = options.source ?? 'the pipeline';
  // Checked first and without recursion: validating (and later running) a tree thousands of levels deep overflows the stack.
  checkDepth(value, source);
  const parsed = pipelineNodeSchema.safeParse(value);
  if (!parsed.success) {
    // A discriminated union reports the failure inside the branch that matched; plain unions are unwrapped to the deepest path.
    const issue = deepestSchemaIssue(parsed.error.issues);
    throw new PipelineSpecError(source, jsonPath(issue.path), issue.message.replace(/^Invalid input: /, ''));
  }
  // The built-in steps are always available to runPipeline, so they are always valid names.
  checkNode(parsed.data, '$', source, options.steps && [...BUILTIN_STEPS, ...options.steps]);
  return parsed.data;
}

/** How deep `sequence` and `concurrent` nodes may nest; far beyond any hand-written pipeline. */
export const MAX_PIPELINE_DEPTH = 100;

function checkDepth(value: unknown, source: string): void {
  const pending: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 1, path: '$' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth, path } = next;
    const children = (node as { steps?: unknown } | null)?.steps;
    if (!Array.isArray(children)) continue;
    if (depth >= MAX_PIPELINE_DEPTH) {
      throw new PipelineSpecError(
        source,
        '$',
        `nests deeper than ${MAX_PIPELINE_DEPTH} levels (at ${path.length > 200 ? `${path.slice(0, 200)}…` : path}). ` +
          'Flatten it: a sequence can hold any number of steps.',
      );
    }
    children.forEach((child, i) => pending.push({ node: child, depth: depth + 1, path: `${path}.steps[${i}]` }));
  }
}

/** `['steps', 2, 'concurrency']` → `$.steps[2].concurrency`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}

function checkNode(node: PipelineNode, path: string, source: string, steps: readonly PipelineStep[] | undefined): void {
  switch (node.type) {
    case 'sequence':
    case 'concurrent':
      node.steps.forEach((child, i) => checkNode(child, `${path}.steps[${i}]`, source, steps));
      return;
    case 'step':
      if (steps && !steps.some((s) => s.name === node.step)) {
        const registered = [...new Set(steps.map((s) => s.name))].sort();
        throw new PipelineSpecError(
          source,
          `${path}.step`,
          `unknown step "${node.step}". Registered: ${registered.join(', ') || '(none)'}. ` +
            'Fix the name, or register the step (createWaitless({ steps })).',
        );
      }
      checkPlaceholders(JSON.stringify(node.args ?? {}), `${path}.args`, source);
      return;
    case 'request':
      checkPlaceholders(node.request.url, `${path}.request.url`, source);
      checkPlaceholders(JSON.stringify([node.request.headers ?? {}, node.request.json ?? null]), `${path}.request`, source);
      return;
  }
}

function checkPlaceholders(text: string, path: string, source: string): void {
  const unknown = unknownPlaceholders(text);
  if (unknown.length > 0) {
    throw new PipelineSpecError(source, path, `unknown placeholder {${unknown[0]}}. Use {baseUrl}, {input} or {input.field}.`);
  }
}

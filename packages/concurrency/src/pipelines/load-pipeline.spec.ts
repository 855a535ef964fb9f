import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PipelineSpecError } from '../errors/pipeline-spec-error';
import { loadPipeline, MAX_PIPELINE_DEPTH, validatePipeline } from './load-pipeline';
import { pipeline } from './pipeline-node';
import type { PipelineStep } from '@waitless/core';

const steps: PipelineStep[] = ['pokemon.name', 'pokemon.detail'].map((name) => ({ name, run: async () => name }));
const errorOf = (fn: () => unknown): PipelineSpecError => {
  try {
    fn();
  } catch (error) {
    return error as PipelineSpecError;
  }
  throw new Error('expected an error');
};

describe('loadPipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waitless-pipeline-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('loads the shipped example', () => {
    const spec = loadPipeline(join(__dirname, '..', '..', 'examples', 'pokemon-pipeline.json'));
    expect(spec.type).toBe('sequence');
  });

  it('reports the file and the JSON path of a bad value', () => {
    const path = file('pipeline.json', {
      type: 'sequence',
      steps: [
        { type: 'step', step: 'pokemon.name' },
        { type: 'request', request: { url: '{baseUrl}/x' } },
        { type: 'concurrent', concurrency: 0, steps: [{ type: 'step', step: 'pokemon.name' }] },
      ],
    });
    const error = errorOf(() => loadPipeline(path));
    expect(error).toBeInstanceOf(PipelineSpecError);
    expect(error.message).toBe(`${path}: $.steps[2].concurrency: expected a positive integer`);
    expect(error.path).toBe('$.steps[2].concurrency');
  });

  it('reports deep paths, unknown keys and unknown node types', () => {
    const nested = { type: 'sequence', steps: [{ type: 'concurrent', steps: [{ type: 'request', request: { url: 7 } }] }] };
    expect(errorOf(() => validatePipeline(nested)).message).toMatch(
      /^the pipeline: \$\.steps\[0\]\.steps\[0\]\.request\.url: expected a URL template string/,
    );
    expect(errorOf(() => validatePipeline({ type: 'concurrent', concurency: 2, steps: [{ type: 'step', step: 'a' }] })).message).toMatch(
      /^the pipeline: \$: Unrecognized key: "concurency"/,
    );
    expect(errorOf(() => validatePipeline({ type: 'sequence', steps: [{ type: 'paralel', steps: [] }] })).message).toBe(
      'the pipeline: $.steps[0].type: expected a node with "type": "sequence", "concurrent", "step" or "request"',
    );
    expect(errorOf(() => validatePipeline({ type: 'sequence', steps: [] })).message).toBe(
      'the pipeline: $.steps: expected at least one child node',
    );
  });

  it('reports an unknown step with the registered names', () => {
    const spec = pipeline.sequence([pipeline.step('pokemon.name'), pipeline.concurrent([pipeline.step('pokemon.nmae')])]);
    expect(errorOf(() => validatePipeline(spec, { steps, source: 'pokemon.json' })).message).toBe(
      'pokemon.json: $.steps[1].steps[0].step: unknown step "pokemon.nmae". Registered: pick, pokemon.detail, pokemon.name. ' +
        'Fix the name, or register the step (createWaitless({ steps })).',
    );
  });

  it('reports unknown placeholders, broken JSON and missing files', () => {
    expect(errorOf(() => validatePipeline(pipeline.request({ url: '{baseURL}/api' }))).message).toBe(
      'the pipeline: $.request.url: unknown placeholder {baseURL}. Use {baseUrl}, {input} or {input.field}.',
    );
    const broken = file('broken.json', '{ "type": "sequence", ');
    expect(errorOf(() => loadPipeline(broken)).message).toMatch(new RegExp(`^${broken}: \\$: is not valid JSON: .+\\. Fix the syntax\\.$`));
    expect(errorOf(() => loadPipeline(join(dir, 'missing.json'))).message).toMatch(/missing\.json: \$: file not found/);
    expect(loadPipeline('{"type":"step","step":"pokemon.name"}', { steps })).toEqual({ type: 'step', step: 'pokemon.name' });
  });

  it('reports a directory as a spec error, not a crash', () => {
    const error = errorOf(() => loadPipeline(dir));
    expect(error).toBeInstanceOf(PipelineSpecError);
    expect(error.message).toBe(`${dir}: $: is a directory. Pass the path of a pipeline JSON file, or the JSON itself.`);
  });

  it('refuses a pipeline nested deeper than the cap with a spec error instead of overflowing the stack', () => {
    const nest = (levels: number): object => {
      let node: object = { type: 'step', step: 'pokemon.name' };
      for (let i = 0; i < levels; i++) node = { type: 'sequence', steps: [node] };
      return node;
    };
    expect(() => validatePipeline(nest(MAX_PIPELINE_DEPTH - 1), { steps })).not.toThrow();
    // As text: JSON.stringify itself overflows on a tree this deep.
    const levels = 10_000;
    const deep = file(
      'deep.json',
      `${'{"type":"sequence","steps":['.repeat(levels)}{"type":"step","step":"pokemon.name"}${']}'.repeat(levels)}`,
    );
    expect(errorOf(() => loadPipeline(deep)).message).toMatch(
      new RegExp(`^${deep}: \\$: nests deeper than ${MAX_PIPELINE_DEPTH} levels \\(at \\$\\.steps\\[0\\]`),
    );
  });
});

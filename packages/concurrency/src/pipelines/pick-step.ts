import type { PipelineStep } from '@waitless/core/plugin';

/**
 * Built-in step `pick`: selects part of its input by a dotted `args.path`, where `*` maps over an array.
 * Always available to `runPipeline`, so JSON pipelines can shape data without custom code.
 * @example { "type": "step", "step": "pick", "args": { "path": "*.name" } } // [{name:'a'},{name:'b'}] → ['a','b']
 */
export const pickStep: PipelineStep = {
  name: 'pick',
  async run(input, ctx) {
    const path = ctx.args['path'];
    if (typeof path !== 'string' || path === '') throw new Error('Step "pick" needs args.path, e.g. { "path": "results.*.name" }.');
    return pick(input, path.split('.'), '');
  },
};

function pick(value: unknown, fields: string[], at: string): unknown {
  if (fields.length === 0) return value;
  const [field, ...rest] = fields;
  if (field === '*') {
    if (!Array.isArray(value)) throw new Error(`Step "pick": "*" needs an array at "${at || '(input)'}", got ${typeof value}.`);
    return value.map((item, i) => pick(item, rest, `${at}[${i}]`));
  }
  if (value === null || typeof value !== 'object' || !(field in value)) {
    throw new Error(`Step "pick": no field "${field}" at "${at || '(input)'}".`);
  }
  return pick((value as Record<string, unknown>)[field], rest, at ? `${at}.${field}` : field);
}

import { WaitlessError } from '@waitless/core/plugin';

/**
 * A pipeline spec is invalid. The message names the file (or "the inline pipeline"), the JSON path of
 * the bad node and the problem, e.g. `pipeline.json: $.steps[2].concurrency: expected a positive integer`.
 */
export class PipelineSpecError extends WaitlessError {
  override name = 'PipelineSpecError' as const;
  override readonly kind = 'pipeline-spec' as const;
  override readonly userFixable = true;

  constructor(
    readonly source: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${source}: ${path}: ${problem}`);
  }
}

import { WaitlessError } from '@waitless/core/plugin';

/** A pipeline run hit its `deadlineMs`; every step still running was aborted. */
export class PipelineDeadlineError extends WaitlessError {
  override name = 'PipelineDeadlineError' as const;
  override readonly kind = 'pipeline-deadline' as const;

  constructor(readonly deadlineMs: number) {
    super(`Pipeline deadline of ${deadlineMs} ms exceeded; running steps were cancelled. Raise deadlineMs or make the slow steps faster.`);
  }
}

// `@waitless/concurrency`: what users reach for on top of any FetchStrategy. Kept private on purpose:
// the pool engine, the semaphore and rate limiter behind the decorators, the individual decorator
// definitions (use `standardDecorators`) and the pipeline schema.

// Combinators: run many tasks with bounded concurrency, cancellation and backpressure.
export type { Task, Settled, IndexedOutcome } from './combinators/outcome';
export { gather, type GatherOptions } from './combinators/gather';
export { asCompleted, type AsCompletedOptions } from './combinators/as-completed';
export { mapStream, type MapStreamOptions } from './combinators/map-stream';
export { sequence } from './combinators/sequence';
export { collect } from './combinators/collect';

// Decorators: each wraps any FetchStrategy; register `standardDecorators` to turn them on from config.
export { RetryStrategy, type RetryStrategyOptions } from './decorators/retry-strategy';
export { TimeoutStrategy } from './decorators/timeout-strategy';
export { RateLimitStrategy } from './decorators/rate-limit-strategy';
export { ConcurrencyLimitStrategy } from './decorators/concurrency-limit-strategy';
export { standardDecorators, DECORATOR_ORDER } from './decorators/standard-decorators';
export { withDecorators } from './decorators/with-decorators';
export type {
  StandardDecoratorSettings,
  RetrySettings,
  TimeoutSettings,
  RateLimitSettings,
  ConcurrencyLimitSettings,
} from './decorators/decorator-settings';
export { failedCallTimings, type AttemptTimings } from '@waitless/core/plugin';

// Pipelines: trees of sequence / concurrent / step / request, built in code or loaded from JSON.
export {
  pipeline,
  type PipelineNode,
  type SequenceNode,
  type ConcurrentNode,
  type StepNode,
  type RequestNode,
  type RequestTemplate,
} from './pipelines/pipeline-node';
export type { PipelineStep, StepContext } from '@waitless/core';
export type { PipelineNodeResult, PipelineNodeStatus } from './pipelines/pipeline-result';
export { loadPipeline, validatePipeline, type LoadPipelineOptions } from './pipelines/load-pipeline';
export { runPipeline, type RunPipelineOptions } from './pipelines/run-pipeline';

// Errors.
export { InvalidOptionError } from './errors/invalid-option-error';
export { PipelineSpecError } from './errors/pipeline-spec-error';
export { PipelineDeadlineError } from './errors/pipeline-deadline-error';

// Measuring what blocking costs.
export { watchEventLoop, type EventLoopWatch } from './watch-event-loop';

// Combinators: run many tasks with bounded concurrency, cancellation and backpressure.
export type { Task, Settled, IndexedOutcome } from './combinators/outcome';
export { gather, type GatherOptions } from './combinators/gather';
export { asCompleted, type AsCompletedOptions } from './combinators/as-completed';
export { mapStream, type MapStreamOptions } from './combinators/map-stream';
export { sequence } from './combinators/sequence';
export { collect } from './combinators/collect';
export { DEFAULT_CONCURRENCY } from './internal/check-concurrency';

// Decorators: each wraps any FetchStrategy; concurrencyModule turns them on from config.
export { RetryStrategy, type RetryStrategyOptions } from './decorators/retry-strategy';
export { TimeoutStrategy } from './decorators/timeout-strategy';
export { RateLimitStrategy } from './decorators/rate-limit-strategy';
export { ConcurrencyLimitStrategy } from './decorators/concurrency-limit-strategy';
export { FifoSemaphore } from './decorators/fifo-semaphore';
export { SlidingWindowLimiter } from './decorators/sliding-window-limiter';
export { parseRetryAfter } from './decorators/retry-after';
export {
  concurrencyModule,
  DECORATOR_ORDER,
  concurrencyLimitDecorator,
  rateLimitDecorator,
  perAttemptTimeoutDecorator,
  retryDecorator,
  totalTimeoutDecorator,
} from './decorators/concurrency-module';
export { timingsOfError as failedCallTimings, type AttemptTimings } from './internal/attempt-timings';

// Pipelines: trees of sequence / concurrent / step / request, built in code or loaded from JSON.
export { pipeline, type PipelineNode, type SequenceNode, type ConcurrentNode, type StepNode, type RequestNode, type RequestTemplate } from './pipelines/pipeline-node';
export type { PipelineStep, StepContext } from './pipelines/pipeline-step';
export type { PipelineNodeResult, PipelineNodeStatus } from './pipelines/pipeline-result';
export { pipelineNodeSchema } from './pipelines/pipeline-schema';
export { loadPipeline, validatePipeline, type LoadPipelineOptions } from './pipelines/load-pipeline';
export { runPipeline, DEFAULT_PIPELINE_CONCURRENCY, type RunPipelineOptions } from './pipelines/run-pipeline';
export { pickStep } from './pipelines/pick-step';
export { BUILTIN_STEPS } from './pipelines/builtin-steps';

// Errors.
export { InvalidOptionError } from './errors/invalid-option-error';
export { PipelineSpecError } from './errors/pipeline-spec-error';
export { PipelineDeadlineError } from './errors/pipeline-deadline-error';
export { watchEventLoop, type EventLoopWatch } from './watch-event-loop';

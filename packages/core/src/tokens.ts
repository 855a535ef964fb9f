// DI identifiers of core's internal container; Symbol.for lets two copies of @waitless/core agree on them.

/** Strategies as their plugins built them, each bound under its own name. */
export const FETCH_STRATEGY = Symbol.for('waitless.fetch-strategy');
/** Decorators that wrap strategies (multi-binding of `StrategyDecoratorDefinition`). */
export const STRATEGY_DECORATOR = Symbol.for('waitless.strategy-decorator');
/** Named steps pipelines can call (multi-binding of `PipelineStep`). */
export const PIPELINE_STEP = Symbol.for('waitless.pipeline-step');

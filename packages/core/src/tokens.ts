// DI identifiers live here only; Symbol.for lets two copies of @waitless/core agree on them.

/** Every loaded plugin binds one `StrategyDescriptor` here (multi-binding). */
export const STRATEGY_DESCRIPTOR = Symbol.for('waitless.strategy-descriptor');
/** Strategies, each bound under its own name: `container.get(FETCH_STRATEGY, { name })`. */
export const FETCH_STRATEGY = Symbol.for('waitless.fetch-strategy');
/** The validated, loaded `WaitlessConfig`. */
export const WAITLESS_CONFIG = Symbol.for('waitless.config');
/** Decorators that wrap strategies (multi-binding of `StrategyDecorator`). */
export const STRATEGY_DECORATOR = Symbol.for('waitless.strategy-decorator');
/** Named steps pipelines can call (multi-binding of `PipelineStep`). */
export const PIPELINE_STEP = Symbol.for('waitless.pipeline-step');

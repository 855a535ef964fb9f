import type { FetchStrategy } from '@waitless/core';

/** What a step gets besides its input. */
export interface StepContext {
  /** The run's strategy (decorated as configured): make HTTP calls through it. */
  strategy: FetchStrategy;
  /** Fires when the run is cancelled, hits its deadline, or a concurrent sibling fails: stop then. */
  signal: AbortSignal;
  /** The run's `baseUrl`, if given. */
  baseUrl?: string;
  /** The node's `args`, placeholders already filled in. */
  args: Record<string, unknown>;
}

/**
 * A named function pipelines can call. Bind it in DI under `PIPELINE_STEP` (multi-binding) and pass
 * `container.getAll(PIPELINE_STEP)` to `runPipeline`.
 * @example bind<PipelineStep>(PIPELINE_STEP).toConstantValue({ name: 'pokemon.name', run: (id, ctx) => getPokemonName(Number(id), ctx.strategy, ctx) });
 */
export interface PipelineStep {
  /** Dotted, lower-case by convention, e.g. `pokemon.detail`. */
  readonly name: string;
  run(input: unknown, ctx: StepContext): Promise<unknown>;
}

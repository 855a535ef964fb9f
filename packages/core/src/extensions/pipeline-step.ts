import type { FetchStrategy } from '../fetch-strategy';

/** What a pipeline step gets besides its input. */
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
 * A named function pipelines can call. Register it with `createWaitless({ steps: [...] })` and pass
 * `runtime.pipelineSteps()` to `runPipeline`.
 * @example const step: PipelineStep = { name: 'pokemon.name', run: (id, ctx) => getPokemonName(Number(id), ctx.strategy, ctx) };
 */
export interface PipelineStep {
  /** Dotted, lower-case by convention, e.g. `pokemon.detail`. */
  readonly name: string;
  run(input: unknown, ctx: StepContext): Promise<unknown>;
}

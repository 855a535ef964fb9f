import type { FetchStrategy } from '../fetch-strategy';
import type { StandardSchemaV1 } from '../schema/standard-schema';

/**
 * A decorator that wraps a strategy when its config key is set under `strategies.<name>`, e.g.
 * `strategies.native-async.retry`. It registers its own key and schema, so core validates settings for
 * decorators it does not know by name and lists the known keys when one is misspelt.
 */
export interface StrategyDecoratorDefinition<TSettings = unknown> {
  /**
   * The config key that enables it, e.g. `retry`. Two definitions may share a key (and must then share the schema)
   * to sit at two places in the chain.
   */
  readonly key: string;
  /** Validates the settings under the key. */
  readonly schema: StandardSchemaV1<unknown, TSettings>;
  /** Where it sits: lower wraps closer to the transport. */
  readonly order: number;
  /** Wraps `inner`; may return `inner` unchanged when these settings ask for nothing at this place. */
  decorate(inner: FetchStrategy, settings: TSettings): FetchStrategy;
}

/**
 * Declares a decorator with its settings typed from its schema; it returns the definition as is.
 * @example
 * export const loggingDecorator = defineStrategyDecorator({
 *   key: 'logging', order: 60, schema: z.object({ prefix: z.string().default('') }),
 *   decorate: (inner, settings) => new LoggingStrategy(inner, settings.prefix),
 * });
 */
export function defineStrategyDecorator<TSettings>(
  definition: StrategyDecoratorDefinition<TSettings>,
): StrategyDecoratorDefinition<TSettings> {
  return definition;
}

import type { WaitlessConfig } from '../config/config-schema';
import type { FetchStrategy } from '../fetch-strategy';
import type { StandardSchemaV1 } from '../schema/standard-schema';
import type { ConcurrencyProfile } from '../strategy-descriptor';

/** What a strategy's `create` receives. */
export interface StrategyContext<TOptions = Record<string, unknown>> {
  /** `strategies.<name>.options` from config, already validated by the plugin's `optionsSchema` when it has one. */
  options: TOptions;
  /** The config file the options came from, or "the inline config" / "built-in defaults", for error messages. */
  source: string;
  /** The whole validated config (e.g. `baseUrl`). */
  config: WaitlessConfig;
}

/**
 * What a strategy plugin package exports (as `default` or as a named `plugin` export): a plain object,
 * no DI framework needed. Core registers it in its container and builds the strategy on first use,
 * once, shared by every caller.
 */
export interface StrategyPluginDefinition<TOptions = Record<string, unknown>> {
  /** Kebab-case name users type, e.g. `native-async`. */
  readonly name: string;
  /** One line for `waitless strategies` and the web app. */
  readonly description: string;
  /** `concurrent` when calls overlap and the event loop stays free; `blocking` when each call holds the thread. */
  readonly profile: ConcurrencyProfile;
  /** The npm package, shown to users; default: the name it was loaded by. */
  readonly packageName?: string;
  /** Validates `strategies.<name>.options` (any Standard Schema: zod, valibot, ...); errors name the field and the file. */
  readonly optionsSchema?: StandardSchemaV1<unknown, TOptions>;
  /**
   * How many threads one instance starts for these validated options (a pool, a helper thread), beyond the thread
   * that calls it; 0 when omitted. An app that runs many instances, such as the web app, budgets threads by it
   * through `runtime.threads(name)`. (A method, like `create`, so a definition stays assignable to
   * `StrategyPluginDefinition<unknown>`.)
   */
  threads?(options: TOptions): number;
  /**
   * Builds the strategy. May return a promise for strategies that connect before first use (a queue,
   * a database): core awaits it once, in `runtime.ready(name)` or on the first call.
   */
  create(context: StrategyContext<TOptions>): FetchStrategy | Promise<FetchStrategy>;
}

/**
 * Declares a strategy plugin with its options typed from its schema. It returns the definition as is;
 * export the result as `plugin` (or `default`) from the package's entry point.
 * @example
 * export const plugin = defineStrategyPlugin({
 *   name: 'my-transport', description: 'My transport', profile: 'concurrent',
 *   optionsSchema: z.object({ poolSize: z.number().int().positive().default(8) }),
 *   threads: ({ poolSize }) => poolSize,
 *   create: ({ options }) => new MyTransportStrategy(options.poolSize),
 * });
 */
export function defineStrategyPlugin<TOptions = Record<string, unknown>>(
  definition: StrategyPluginDefinition<TOptions>,
): StrategyPluginDefinition<TOptions> {
  return definition;
}

import { ContainerModule } from 'inversify';
import { configSchema, type StrategySettings, type WaitlessConfig } from '../config/config-schema';
import type { LoadedConfig } from '../config/load-config';
import type { FetchStrategy } from '../fetch-strategy';
import type { StrategyDescriptor } from '../strategy-descriptor';
import { FETCH_STRATEGY, STRATEGY_DESCRIPTOR, WAITLESS_CONFIG } from '../tokens';

/** What a strategy's `create` receives: its own settings from config, and where they came from for error messages. */
export interface StrategyContext {
  /** `strategies.<name>.options` from config (unvalidated: the plugin validates its own options). */
  options: Record<string, unknown>;
  /** Field prefix for `parseOrThrow`, e.g. `strategies.worker-threaded.options`. */
  optionsField: string;
  /** The config file, or "defaults". */
  source: string;
  config: WaitlessConfig;
}

/** A plugin's description of its strategy plus how to build it. */
export interface StrategyPluginDefinition extends StrategyDescriptor {
  create(context: StrategyContext): FetchStrategy;
}

/**
 * Builds the one `ContainerModule` a strategy plugin exports: it registers the descriptor and binds the
 * strategy under its name as a singleton (pools and sockets are shared by every caller).
 * @example export const nativeAsyncModule = defineStrategyPlugin({ name: 'native-async', ..., create: () => new NativeAsyncStrategy() });
 */
export function defineStrategyPlugin(definition: StrategyPluginDefinition): ContainerModule {
  const { create, ...descriptor } = definition;
  return new ContainerModule(({ bind }) => {
    bind<StrategyDescriptor>(STRATEGY_DESCRIPTOR).toConstantValue(descriptor);
    bind<FetchStrategy>(FETCH_STRATEGY)
      .toDynamicValue((context) => {
        const loaded = context.get<LoadedConfig>(WAITLESS_CONFIG, { optional: true });
        const config = loaded?.config ?? configSchema.parse({});
        const settings: StrategySettings | undefined = config.strategies[descriptor.name];
        return create({
          options: settings?.options ?? {},
          optionsField: `strategies.${descriptor.name}.options`,
          source: loaded?.source ?? 'built-in defaults',
          config,
        });
      })
      .inSingletonScope()
      .whenNamed(descriptor.name);
  });
}

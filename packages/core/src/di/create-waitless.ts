import { dirname } from 'node:path';
import { Container } from 'inversify';
import { configJsonSchema, type JsonSchema } from '../config/config-json-schema';
import { loadConfig, type LoadConfigOptions, type LoadedConfig, type StrategySource } from '../config/load-config';
import { ConfigError } from '../errors/config-error';
import type { PipelineStep } from '../extensions/pipeline-step';
import type { StrategyDecoratorDefinition } from '../extensions/strategy-decorator-definition';
import type { StrategyPluginDefinition } from '../extensions/strategy-plugin-definition';
import type { FetchStrategy } from '../fetch-strategy';
import { validateOrThrow } from '../schema/validate-or-throw';
import type { StrategyDescriptor } from '../strategy-descriptor';
import { suggestName } from '../suggest-name';
import { FETCH_STRATEGY, PIPELINE_STEP, STRATEGY_DECORATOR } from '../tokens';
import { validateDecoratorSettings, type ValidatedDecoratorSettings } from './apply-decorators';
import { loadPlugins } from './load-plugins';
import { PendingStrategy } from './pending-strategy';
import type { RegisteredPlugin } from './registered-plugin';
import { StrategyFactory } from './strategy-factory';

/** Options of {@link createWaitless}: where config comes from, plus what the app registers in code. */
export interface CreateWaitlessOptions extends LoadConfigOptions {
  /** Plugin packages to load when the config names none (an app's built-in set). */
  defaultPlugins?: readonly string[];
  /** Extra folders to resolve plugin names from (after the config file's folder and cwd). */
  resolvePaths?: readonly string[];
  /** Strategy plugins registered in code, before those the config names (e.g. a test's own strategy). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  strategyPlugins?: readonly StrategyPluginDefinition<any>[];
  /** Decorators whose config keys may appear under `strategies.<name>`, e.g. `standardDecorators` from `@waitless/concurrency`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decorators?: readonly StrategyDecoratorDefinition<any>[];
  /** Steps pipelines may name, returned by `pipelineSteps()`. */
  steps?: readonly PipelineStep[];
}

/** The active strategy's name and where it was chosen. */
export interface ActiveStrategy {
  name: string;
  source: StrategySource;
}

/** What `createWaitless` returns: strategies by name, what is registered, and one `close()` for all. */
export interface WaitlessRuntime {
  /** The validated config, the file it came from, and the requested strategy. */
  readonly config: LoadedConfig;
  /** The strategy used when none is named, and where that choice came from. */
  readonly activeStrategy: ActiveStrategy;
  /** The strategy called `name` (default: the active one), decorated as configured; the same instance every time. */
  strategy(name?: string): FetchStrategy;
  /** Like `strategy(name)`, once a strategy that starts asynchronously (it connects first) is ready; rejects if it cannot start. */
  ready(name?: string): Promise<FetchStrategy>;
  /** Registered strategy names, sorted. */
  strategyNames(): string[];
  /** Every registered strategy's descriptor, in registration order. */
  descriptors(): StrategyDescriptor[];
  /** The descriptor of `name`; `StrategyNotFoundError` listing the registered names otherwise. */
  describe(name: string): StrategyDescriptor;
  /**
   * How many threads one instance of strategy `name` (default: the active one) starts, as its plugin declares for the
   * configured options (0 when it declares none), without building it. Throws the `ConfigError` building it would.
   */
  threads(name?: string): number;
  /** The pipeline steps registered with `steps`. */
  pipelineSteps(): PipelineStep[];
  /**
   * The JSON Schema of `waitless.config.json` with the registered plugins' options and decorators' settings, for
   * editors (`"$schema"`); `@waitless/core/waitless.config.schema.json` is this for the built-in plugins.
   */
  configJsonSchema(): JsonSchema;
  /** Closes every strategy created so far (worker pools, sockets, connections). */
  close(): Promise<void>;
}

/**
 * Loads config, registers the plugins it lists (and those given in code) in a fresh DI container,
 * validates every strategy's settings against its plugin and the registered decorators, and picks the
 * active strategy. Strategies are built on first use. Throws `ConfigError`, `PluginLoadError` or
 * `StrategyNotFoundError` with a message a user can act on.
 * @example
 * const waitless = createWaitless({ decorators: standardDecorators });
 * const { body } = await waitless.strategy().fetch({ url: 'http://127.0.0.1:8080/api/v2/pokemon/25' });
 * await waitless.close();
 */
export function createWaitless(options: CreateWaitlessOptions = {}): WaitlessRuntime {
  const loaded = loadConfig(options);
  const { config, source } = loaded;
  const cwd = options.cwd ?? process.cwd();
  const searchPaths = [...(loaded.configPath ? [dirname(loaded.configPath)] : []), cwd, ...(options.resolvePaths ?? [])];
  const plugins: RegisteredPlugin[] = [
    ...(options.strategyPlugins ?? []).map((definition) => ({ definition, packageName: definition.packageName ?? '(in code)' })),
    ...loadPlugins(config.plugins ?? options.defaultPlugins ?? [], searchPaths, source),
  ];
  const descriptors = describePlugins(plugins, source);
  const decorators = options.decorators ?? [];
  const settings = validateStrategySettings(loaded, descriptors, decorators);

  // Validated on use, so a strategy nobody uses cannot fail the others.
  const pluginOptions = ({ name, optionsSchema }: RegisteredPlugin['definition']): unknown => {
    const raw = config.strategies[name]?.['options'] ?? {};
    return optionsSchema ? validateOrThrow(optionsSchema, raw, source, `strategies.${name}.options`) : raw;
  };
  const container = new Container();
  for (const plugin of plugins) {
    const { name } = plugin.definition;
    container
      .bind<FetchStrategy>(FETCH_STRATEGY)
      .toDynamicValue(() => {
        const built = plugin.definition.create({ options: pluginOptions(plugin.definition), source, config });
        // The container only ever holds a strategy: one that is still starting is represented by a stand-in.
        return built instanceof Promise ? new PendingStrategy(name, built) : built;
      })
      .inSingletonScope()
      .whenNamed(name);
  }
  for (const decorator of decorators) container.bind(STRATEGY_DECORATOR).toConstantValue(decorator);
  for (const step of options.steps ?? []) container.bind(PIPELINE_STEP).toConstantValue(step);
  const factory = new StrategyFactory(container, descriptors, settings, config.http);

  // The default is the first plugin registered, so the config's order expresses preference.
  const activeStrategy: ActiveStrategy = loaded.requestedStrategy ?? { name: descriptors[0].name, source: 'default' };
  factory.describe(
    activeStrategy.name,
    activeStrategy.source === 'default' ? undefined : { source: activeStrategy.source, file: loaded.configPath },
  );
  return {
    config: loaded,
    activeStrategy,
    strategy: (name = activeStrategy.name) => factory.create(name),
    ready: (name = activeStrategy.name) => factory.ready(name),
    strategyNames: () => factory.names(),
    descriptors: () => factory.descriptors(),
    describe: (name) => factory.describe(name),
    threads: (name = activeStrategy.name) => {
      factory.describe(name);
      const { definition } = plugins.find((p) => p.definition.name === name) as RegisteredPlugin;
      return definition.threads?.(pluginOptions(definition)) ?? 0;
    },
    pipelineSteps: () => container.getAll<PipelineStep>(PIPELINE_STEP, { optional: true }) ?? [],
    configJsonSchema: () => configJsonSchema({ plugins: plugins.map((p) => p.definition), decorators }),
    close: () => factory.close(),
  };
}

function describePlugins(plugins: readonly RegisteredPlugin[], source: string): StrategyDescriptor[] {
  if (plugins.length === 0) {
    throw new ConfigError(
      'plugins',
      source,
      'loads no strategy. List at least one plugin package, e.g. "plugins": ["@waitless/strategy-native-async"].',
    );
  }
  const seen = new Map<string, StrategyDescriptor>();
  for (const { definition, packageName } of plugins) {
    const earlier = seen.get(definition.name);
    if (earlier) {
      throw new ConfigError(
        'plugins',
        source,
        `loads two strategies named "${definition.name}" (${earlier.packageName} and ${packageName}). Remove one of them.`,
      );
    }
    seen.set(definition.name, { name: definition.name, packageName, description: definition.description, profile: definition.profile });
  }
  return [...seen.values()];
}

function validateStrategySettings(
  loaded: LoadedConfig,
  descriptors: readonly StrategyDescriptor[],
  decorators: readonly StrategyDecoratorDefinition[],
): Map<string, ValidatedDecoratorSettings> {
  const names = descriptors.map((d) => d.name);
  const validated = new Map<string, ValidatedDecoratorSettings>();
  for (const [name, settings] of Object.entries(loaded.config.strategies)) {
    if (!names.includes(name)) {
      const suggestion = suggestName(name, names);
      throw new ConfigError(
        `strategies.${name}`,
        loaded.source,
        `configures a strategy that no loaded plugin registers.${suggestion ? ` Did you mean "${suggestion}"?` : ''} ` +
          `Registered: ${names.join(', ')}. Fix the name, or list the plugin package in "plugins".`,
      );
    }
    validated.set(name, validateDecoratorSettings(settings, decorators, loaded.source, `strategies.${name}`));
  }
  return validated;
}

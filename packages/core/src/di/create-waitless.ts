// Loaded once here so users' own @injectable() classes bound into this container get their metadata.
import 'reflect-metadata';
import { dirname } from 'node:path';
import { Container, type ContainerModule } from 'inversify';
import { loadConfig, type LoadConfigOptions, type LoadedConfig, type StrategySource } from '../config/load-config';
import { ConfigError } from '../errors/config-error';
import type { FetchStrategy } from '../fetch-strategy';
import { WAITLESS_CONFIG } from '../tokens';
import { loadPlugins } from './load-plugins';
import { StrategyFactory } from './strategy-factory';

export interface CreateWaitlessOptions extends LoadConfigOptions {
  /** Plugins to load when the config names none (an app's built-in set). */
  defaultPlugins?: readonly string[];
  /** Extra folders to resolve plugin names from (after the config file's folder and cwd). */
  resolvePaths?: readonly string[];
  /** Modules loaded as well, e.g. core's decorators or a test's own strategy. */
  modules?: readonly ContainerModule[];
}

/** A ready container: the factory, the loaded config and the active strategy's name with where it was chosen. */
export interface Waitless {
  container: Container;
  factory: StrategyFactory;
  loaded: LoadedConfig;
  active: { name: string; source: StrategySource };
  /** The active strategy, decorated as configured. */
  strategy(): FetchStrategy;
  close(): Promise<void>;
}

/**
 * Loads config, loads the plugins it lists into a fresh Inversify container and picks the active strategy.
 * Throws `ConfigError`, `PluginLoadError` or `StrategyNotFoundError` with a message a user can act on.
 */
export function createWaitless(options: CreateWaitlessOptions = {}): Waitless {
  const loaded = loadConfig(options);
  const cwd = options.cwd ?? process.cwd();
  const source = loaded.source;
  const plugins = loaded.config.plugins ?? options.defaultPlugins ?? [];
  const searchPaths = [...(loaded.configPath ? [dirname(loaded.configPath)] : []), cwd, ...(options.resolvePaths ?? [])];

  const container = new Container();
  container.bind(WAITLESS_CONFIG).toConstantValue(loaded);
  container.bind(StrategyFactory).toDynamicValue(() => new StrategyFactory(container, loaded)).inSingletonScope();
  container.load(...(options.modules ?? []), ...loadPlugins(plugins, searchPaths, source));

  const factory = container.get(StrategyFactory);
  const registered = factory.descriptors();
  if (registered.length === 0) {
    throw new ConfigError('plugins', source, 'loads no strategy. List at least one plugin package, e.g. "plugins": ["@waitless/strategy-native-async"].');
  }
  // The default is the first plugin listed, so the config's order expresses preference.
  const active = loaded.requestedStrategy ?? { name: registered[0].name, source: 'default' as const };
  factory.describe(active.name);
  return { container, factory, loaded, active, strategy: () => factory.create(active.name), close: () => factory.close() };
}

import { standardDecorators } from '@waitless/concurrency';
import { dirname } from 'node:path';
import { createWaitless, loadConfig, urlForMessage, type WaitlessRuntime } from '@waitless/core';
import type { StrategyPluginDefinition } from '@waitless/core/plugin';
import { pokemonSteps } from '@waitless/pokeapi';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';
import { BUILTIN_PLUGINS, CLI_PACKAGE_DIR } from './builtin-plugins';
import type { GlobalOptions } from './global-options';

/** How the embedded fixture server should behave when no base URL is given. */
export interface FixtureSettings {
  latencyMs?: number;
  errorRate?: number;
}

/** Everything a command that makes requests needs, and one `close()` for all of it. */
export interface Runtime {
  waitless: WaitlessRuntime;
  /** Where requests go: `--base-url`, the config's `baseUrl`, or the embedded fixture server. */
  baseUrl: string;
  /**
   * The embedded fixture server, when one was started. It runs on its own worker thread: blocking-sync
   * blocks this one, and a server on a blocked thread could never answer.
   */
  fixture?: FixtureServerThread;
  /** Closes strategies (worker pools, sockets) and the embedded server. Safe to call twice. */
  close(): Promise<void>;
}

/** Options of one strategy set on top of the config file, e.g. `{ strategy: 'worker-threaded', options: { poolSize: 6 } }`. */
export interface StrategyOptionsOverride {
  strategy: string;
  options: Record<string, unknown>;
}

/** What a command adds to the config file's runtime. */
export interface RuntimeAdditions {
  /** Replaces some of one strategy's `options` from the config (validated by its plugin like the file's). */
  override?: StrategyOptionsOverride;
  /** Strategy plugins defined in code, registered before the config's (e.g. the `factory` demo's). */
  strategyPlugins?: readonly StrategyPluginDefinition[];
}

/**
 * Loads config and plugins into a Waitless runtime. The CLI's built-in plugins apply when the config
 * lists none; the concurrency decorators and the Pokémon pipeline steps are always loaded. Throws
 * core's typed errors.
 */
export function loadWaitless(options: GlobalOptions, additions: RuntimeAdditions = {}): WaitlessRuntime {
  const common = {
    strategy: options.strategy,
    decorators: standardDecorators,
    steps: pokemonSteps,
    defaultPlugins: BUILTIN_PLUGINS,
    strategyPlugins: additions.strategyPlugins,
  };
  const { override } = additions;
  if (!override) return createWaitless({ ...common, configPath: options.config, resolvePaths: [CLI_PACKAGE_DIR] });
  const { config, configPath } = loadConfig({ configPath: options.config });
  const settings = config.strategies[override.strategy] ?? {};
  const fileOptions = (settings['options'] ?? {}) as Record<string, unknown>;
  const inline = {
    ...config,
    strategies: { ...config.strategies, [override.strategy]: { ...settings, options: { ...fileOptions, ...override.options } } },
  };
  // Plugin names still resolve from the config file's folder, as they would without the override.
  const resolvePaths = [...(configPath ? [dirname(configPath)] : []), CLI_PACKAGE_DIR];
  return createWaitless({ ...common, inline, resolvePaths });
}

/**
 * Sets up a command run: the runtime first (so a config mistake fails before anything starts),
 * then the embedded fixture server unless a base URL was given. Pass `waitless` when the command
 * needed the runtime earlier (to validate its input before starting a server).
 */
export async function openRuntime(
  options: GlobalOptions,
  fixtureSettings: FixtureSettings = {},
  waitless: WaitlessRuntime = loadWaitless(options),
): Promise<Runtime> {
  const configuredUrl = options.baseUrl ?? waitless.config.config.baseUrl;
  let fixture: FixtureServerThread | undefined;
  try {
    if (configuredUrl === undefined) fixture = await startFixtureServerThread({ ...fixtureSettings });
  } catch (error) {
    await waitless.close();
    throw error;
  }
  if (options.verbose) {
    process.stderr.write(
      `waitless: config ${waitless.config.source}; requests go to ` +
        `${fixture ? `the embedded fixture server ${fixture.url}` : urlForMessage(configuredUrl as string)}\n`,
    );
  }
  let closing: Promise<void> | undefined;
  return {
    waitless,
    baseUrl: fixture?.url ?? (configuredUrl as string),
    fixture,
    close() {
      closing ??= Promise.allSettled([waitless.close(), fixture?.close()]).then(() => undefined);
      return closing;
    },
  };
}

import { standardDecorators } from '@waitless/concurrency';
import { createWaitless, type WaitlessRuntime } from '@waitless/core';
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

/**
 * Loads config and plugins into a Waitless runtime. The CLI's built-in plugins apply when the config
 * lists none; the concurrency decorators and the Pokémon pipeline steps are always loaded. Throws
 * core's typed errors.
 */
export function loadWaitless(options: GlobalOptions): WaitlessRuntime {
  return createWaitless({
    configPath: options.config,
    strategy: options.strategy,
    defaultPlugins: BUILTIN_PLUGINS,
    resolvePaths: [CLI_PACKAGE_DIR],
    decorators: standardDecorators,
    steps: pokemonSteps,
  });
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
        `${fixture ? `the embedded fixture server ${fixture.url}` : configuredUrl}\n`,
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

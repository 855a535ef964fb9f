import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error';
import { configSchema, type WaitlessConfig } from './config-schema';
import { validateOrThrow } from '../schema/validate-or-throw';

/** The file name searched for from the working directory upwards. */
export const CONFIG_FILE_NAME = 'waitless.config.json';

/** Where the active strategy name came from, highest precedence first. */
export type StrategySource = 'flag' | 'env' | 'config' | 'default';

export interface LoadConfigOptions {
  /** Explicit config file (e.g. `--config`); must exist. Otherwise `WAITLESS_CONFIG`, then a search upwards from `cwd`. */
  configPath?: string;
  /** A config object used instead of any file (tests, embedded use); validated like a file. */
  inline?: unknown;
  /** Explicit strategy (e.g. `--strategy`); wins over env and file. */
  strategy?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  config: WaitlessConfig;
  /** Absolute path of the file read, if any. */
  configPath?: string;
  /** Where the config came from, for error messages: the file, "the inline config" or "built-in defaults". */
  source: string;
  /** The requested strategy and where it came from; undefined means "the default": the first registered. */
  requestedStrategy?: { name: string; source: Exclude<StrategySource, 'default'> };
}

/**
 * Loads and validates the config. Strategy precedence: explicit option > `WAITLESS_STRATEGY` > `strategy`
 * in the file > the first registered strategy.
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  if (options.inline !== undefined) {
    const config = validateOrThrow(configSchema, options.inline, 'the inline config');
    return { config, source: 'the inline config', requestedStrategy: requestedStrategy(options.strategy, env, config) };
  }
  const configPath = locateConfig(options.configPath ?? env['WAITLESS_CONFIG'], cwd);
  const config = configPath ? validateOrThrow(configSchema, readJson(configPath), configPath) : configSchema.parse({});
  return {
    config,
    configPath,
    source: configPath ?? 'built-in defaults',
    requestedStrategy: requestedStrategy(options.strategy, env, config),
  };
}

function locateConfig(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path))
      throw new ConfigError(
        'config',
        path,
        'does not exist. Pass an existing file to --config / WAITLESS_CONFIG, or leave it out to search for waitless.config.json.',
      );
    return path;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('(file)', path, `is not valid JSON: ${(error as Error).message}. Fix the syntax.`);
  }
}

function requestedStrategy(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
  config: WaitlessConfig,
): LoadedConfig['requestedStrategy'] {
  if (explicit) return { name: explicit, source: 'flag' };
  const fromEnv = env['WAITLESS_STRATEGY'];
  if (fromEnv) return { name: fromEnv, source: 'env' };
  if (config.strategy) return { name: config.strategy, source: 'config' };
  return undefined;
}

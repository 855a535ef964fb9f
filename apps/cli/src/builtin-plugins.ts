import { resolve } from 'node:path';

/**
 * The strategy plugins the CLI ships with, loaded when the config file lists no `plugins`. A config
 * file's `plugins` list replaces them, so a fourth strategy needs no CLI change.
 */
export const BUILTIN_PLUGINS = [
  '@waitless/strategy-native-async',
  '@waitless/strategy-worker-threaded',
  '@waitless/strategy-blocking-sync',
] as const;

/** The CLI package folder: plugin names resolve from here too, so the built-ins load from any cwd. */
export const CLI_PACKAGE_DIR = resolve(__dirname, '..');

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Options for {@link spawnTsx}. */
export interface SpawnTsxOptions {
  stdio?: StdioOptions;
}

/**
 * Starts `file` (TypeScript) in a fresh node process with tsx's loader. One process per client
 * matters: importing `undici` re-points Node 20's global fetch, and RSS must be one client's own.
 * tsx compiles only the bench's own files: with the workspace's tsconfig paths it would also run the
 * packages from their TypeScript sources (whenever the bench is started from a folder with a
 * tsconfig.json, e.g. by Nx), so the child gets a tsconfig without them and imports the built packages.
 */
export function spawnTsx(file: string, args: readonly string[], options: SpawnTsxOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, file, ...args], {
    stdio: options.stdio ?? ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TSX_TSCONFIG_PATH: SCENARIO_TSCONFIG },
  });
}

const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
const SCENARIO_TSCONFIG = path.resolve(__dirname, '../tsconfig.scenarios.json');

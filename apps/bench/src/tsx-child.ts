import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Options for {@link spawnTsx}. */
export interface SpawnTsxOptions {
  stdio?: StdioOptions;
}

/**
 * Starts `file` (TypeScript) in a fresh node process with tsx's loader. One process per client
 * matters: importing `undici` re-points Node 20's global fetch, and RSS must be one client's own.
 */
export function spawnTsx(file: string, args: readonly string[], options: SpawnTsxOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, file, ...args], {
    stdio: options.stdio ?? ['ignore', 'pipe', 'inherit'],
  });
}

const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

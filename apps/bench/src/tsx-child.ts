import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Options for {@link spawnTsx}. */
export interface SpawnTsxOptions {
  /** Extra flags for node, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
  stdio?: StdioOptions;
}

/**
 * Starts `file` (TypeScript) in a fresh node process with tsx's loader. One process per client
 * matters: importing `undici` re-points Node 20's global fetch, and RSS must be one client's own.
 * The workspace's base tsconfig is named explicitly: its legacy decorators are what Inversify needs,
 * and tsx would otherwise look for a tsconfig.json in whatever directory the bench was started from.
 */
export function spawnTsx(file: string, args: readonly string[], options: SpawnTsxOptions = {}): ChildProcess {
  const env = { ...process.env };
  env['TSX_TSCONFIG_PATH'] ??= findUp('tsconfig.base.json', __dirname);
  return spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', TSX_LOADER, file, ...args], {
    env,
    stdio: options.stdio ?? ['ignore', 'pipe', 'inherit'],
  });
}

const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

function findUp(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

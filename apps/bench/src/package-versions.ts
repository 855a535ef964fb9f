import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The packages whose versions a report records: the peers and the transports under the strategies. */
export const MEASURED_PACKAGES = ['ky', 'axios', 'got', 'undici', 'piscina'] as const;

/**
 * The installed version of each package as the bench resolves it (a workspace can hold two copies),
 * or null when it is not installed. Reads the package's own package.json found above its entry point,
 * since ESM-only packages such as ky and got do not export `./package.json`.
 * @example packageVersions(['ky']) // { ky: '1.9.1' }
 */
export function packageVersions(names: readonly string[] = MEASURED_PACKAGES): Record<string, string | null> {
  return Object.fromEntries(names.map((name) => [name, versionOf(name)]));
}

function versionOf(name: string): string | null {
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [__dirname] });
  } catch {
    return null;
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version ?? null;
  }
  return null;
}

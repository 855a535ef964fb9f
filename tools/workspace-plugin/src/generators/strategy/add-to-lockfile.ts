import { readJson, writeJson, type Tree } from '@nx/devkit';

interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, Record<string, unknown>>;
}

/**
 * Records a new workspace package in package-lock.json exactly as `npm install` would (its folder entry plus the
 * `node_modules` link), so `npm ci` stays in sync without a network round-trip. Valid because the template depends
 * only on workspace packages already in the lock; a package that adds registry dependencies needs `npm install`.
 */
export function addToLockfile(tree: Tree, projectRoot: string, workspaces: readonly string[] | undefined): void {
  if (!tree.exists('package-lock.json')) return;
  const lock = readJson<Lockfile>(tree, 'package-lock.json');
  if (!lock.packages || (lock.lockfileVersion ?? 1) < 2) return;
  const pkg = readJson<Record<string, unknown>>(tree, `${projectRoot}/package.json`);
  const entry: Record<string, unknown> = { name: pkg.name, version: pkg.version };
  for (const field of ['license', 'dependencies', 'devDependencies', 'peerDependencies']) {
    if (pkg[field] !== undefined) entry[field] = pkg[field];
  }
  const packages: Record<string, Record<string, unknown>> = {
    ...lock.packages,
    [projectRoot]: entry,
    [`node_modules/${pkg.name}`]: { resolved: projectRoot, link: true },
  };
  if (workspaces && packages['']) packages[''] = { ...packages[''], workspaces: [...workspaces] };
  // npm's own key order, so the next `npm install` leaves the file as it is.
  lock.packages = Object.fromEntries(
    Object.keys(packages)
      .sort((a, b) => a.localeCompare(b, 'en'))
      .map((key) => [key, packages[key]]),
  );
  writeJson(tree, 'package-lock.json', lock);
}

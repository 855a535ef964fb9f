import { generateFiles, names, offsetFromRoot, readJson, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addToLockfile } from './add-to-lockfile';
import { descriptionDocLines, descriptionProperty } from './description-source';
import type { StrategyGeneratorSchema } from './schema';
import { validateStrategyOptions, type StrategyTarget } from './validate-strategy-options';

/**
 * `nx g @waitless/tools:strategy <name>`: scaffolds `packages/strategy-<name>` — a `FetchStrategy` on Node's
 * global fetch with its `defineStrategyPlugin` module and conformance spec — maps it in tsconfig.base.json,
 * records it in package-lock.json and links it into node_modules, as `npm install` would.
 * The new package passes the conformance kit as generated; its TODO marks where the real transport goes.
 * @example npx nx g @waitless/tools:strategy my-transport --description "My transport, pooled."
 */
export default async function strategyGenerator(tree: Tree, options: StrategyGeneratorSchema): Promise<GeneratorCallback> {
  const target = validateStrategyOptions(tree, options);
  const { className, propertyName } = names(target.name);
  // One line, and safe inside the TSDoc comment it is also written to.
  const description = (options.description ?? `${target.name}: TODO say in one line how this strategy carries requests.`)
    .replace(/\s+/g, ' ')
    .replace(/\*\//g, '*\\/')
    .trim();
  generateFiles(tree, join(__dirname, 'files'), target.projectRoot, {
    ...target,
    className,
    propertyName,
    description,
    descriptionDocLines: descriptionDocLines(description),
    descriptionProperty: descriptionProperty(description),
    offset: offsetFromRoot(target.projectRoot),
  });

  addTsconfigPath(tree, target);
  addToLockfile(tree, target.projectRoot, addToWorkspaces(tree, target.directory));
  // No formatFiles: the templates and the description are laid out as prettier would, so the new package passes
  // `nx lint` (prettier and max-len) as generated, without reformatting the root files touched above.
  return () => linkWorkspacePackage(tree.root, target);
}

// Root files are rewritten only when something changes, so their formatting survives.
function addTsconfigPath(tree: Tree, target: StrategyTarget): void {
  const entry = `${target.projectRoot}/src/index.ts`;
  const paths = readJson(tree, 'tsconfig.base.json').compilerOptions?.paths ?? {};
  if (paths[target.packageName]?.[0] === entry) return;
  updateJson(tree, 'tsconfig.base.json', (tsconfig) => {
    tsconfig.compilerOptions ??= {};
    tsconfig.compilerOptions.paths = { ...tsconfig.compilerOptions.paths, [target.packageName]: [entry] };
    return tsconfig;
  });
}

// npm only links workspaces its globs cover; a custom --directory gets its own glob. Returns the new list, if any.
function addToWorkspaces(tree: Tree, directory: string): string[] | undefined {
  if (!tree.exists('package.json')) return undefined;
  const workspaces: unknown = readJson(tree, 'package.json').workspaces;
  if (!Array.isArray(workspaces) || workspaces.includes(`${directory}/*`)) return undefined;
  const updated = [...workspaces, `${directory}/*`];
  updateJson(tree, 'package.json', (pkg) => ({ ...pkg, workspaces: updated }));
  return updated;
}

// The same symlink `npm install` makes for a workspace package, so `plugins` can name the package right away
// without a network round-trip. Skipped where there is no node_modules (e.g. a fresh clone: npm install links it).
function linkWorkspacePackage(root: string, target: StrategyTarget): void {
  const scope = join(root, 'node_modules', '@waitless');
  const link = join(scope, target.projectName);
  if (!existsSync(join(root, 'node_modules')) || isPresent(link)) return;
  mkdirSync(scope, { recursive: true });
  symlinkSync(relative(scope, join(root, target.projectRoot)), link, 'junction');
  console.log(`Linked ${target.packageName} -> ${target.projectRoot} in node_modules (what npm install does for a workspace).`);
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

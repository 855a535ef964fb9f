import { getProjects, names, type Tree } from '@nx/devkit';
import { posix } from 'node:path';
import type { StrategyGeneratorSchema } from './schema';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const COMMAND = 'npx nx g @waitless/tools:strategy';

/** What the generator creates, worked out from validated options. */
export interface StrategyTarget {
  /** Strategy name users type, e.g. `my-transport`. */
  name: string;
  /** Nx project name and folder name: `strategy-<name>`. */
  projectName: string;
  /** npm package name: `@waitless/strategy-<name>`. */
  packageName: string;
  /** Workspace-relative folder of the new package. */
  projectRoot: string;
  /** Workspace-relative parent folder (the `--directory` option). */
  directory: string;
}

/**
 * Checks the options and says what to do when they are wrong: bad names, a `strategy-` prefix,
 * a clash with an existing project, package or folder, or a directory outside the workspace.
 */
export function validateStrategyOptions(tree: Tree, options: StrategyGeneratorSchema): StrategyTarget {
  const name = String(options.name ?? '');
  if (name === '') throw new Error(`Give the strategy a kebab-case name, e.g. ${COMMAND} my-transport`);
  if (name.startsWith('strategy-')) {
    throw new Error(`Leave out the "strategy-" prefix; the generator adds it. Run: ${COMMAND} ${name.slice('strategy-'.length)}`);
  }
  if (!KEBAB_CASE.test(name)) {
    throw new Error(
      `Invalid strategy name "${name}": use kebab-case ` +
        '(lowercase letters and digits, words joined by single hyphens, starting with a letter). ' +
        `Try: ${COMMAND} ${suggestName(name)}`,
    );
  }

  const directory = posix.normalize((options.directory ?? 'packages').replace(/\\/g, '/')).replace(/\/+$/, '');
  if (directory === '' || directory === '.' || posix.isAbsolute(directory) || directory.split('/').includes('..')) {
    throw new Error(`--directory must be a folder inside the workspace, e.g. --directory packages; got "${options.directory}".`);
  }

  const projectName = `strategy-${name}`;
  const packageName = `@waitless/${projectName}`;
  const projectRoot = `${directory}/${projectName}`;
  for (const [existingName, project] of getProjects(tree)) {
    const existingPackage = readPackageName(tree, project.root);
    if (existingName === projectName || existingPackage === packageName) {
      throw new Error(
        `A project named "${existingName}" (${existingPackage ?? 'no package.json'}) already exists at ${project.root}. ` +
          'Pick another strategy name, or delete that package first.',
      );
    }
  }
  if (tree.exists(projectRoot))
    throw new Error(`${projectRoot} already exists. Pick another strategy name or --directory, or remove that folder first.`);
  return { name, projectName, packageName, projectRoot, directory };
}

function readPackageName(tree: Tree, root: string): string | undefined {
  const path = posix.join(root, 'package.json');
  if (!tree.exists(path)) return undefined;
  try {
    return (JSON.parse(tree.read(path, 'utf-8') ?? '{}') as { name?: string }).name;
  } catch {
    return undefined;
  }
}

function suggestName(name: string): string {
  const suggestion = names(name.trim())
    .fileName.replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '')
    .replace(/^strategy-/, '');
  return KEBAB_CASE.test(suggestion) ? suggestion : 'my-transport';
}

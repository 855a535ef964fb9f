import { addProjectConfiguration, readJson, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import strategyGenerator from './strategy-generator';

describe('strategy generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    writeJson(tree, 'tsconfig.base.json', { compilerOptions: { paths: { '@waitless/core': ['packages/core/src/index.ts'] } } });
    writeJson(tree, 'package.json', { name: 'waitless', private: true, workspaces: ['packages/*', 'apps/*', 'tools/*'] });
  });

  it('scaffolds packages/strategy-<name> with package.json, configs, strategy, plugin, index and conformance spec', async () => {
    await strategyGenerator(tree, { name: 'my-transport' });
    const root = 'packages/strategy-my-transport';
    expect(tree.children(root).sort()).toEqual([
      'README.md',
      'jest.config.js',
      'package.json',
      'src',
      'tsconfig.build.json',
      'tsconfig.json',
      'tsconfig.lib.json',
      'tsconfig.spec.json',
    ]);
    expect(tree.children(`${root}/src`).sort()).toEqual([
      'index.ts',
      'my-transport-conformance.spec.ts',
      'my-transport-plugin.ts',
      'my-transport-strategy.ts',
    ]);

    expect(readJson(tree, `${root}/package.json`)).toMatchObject({
      name: '@waitless/strategy-my-transport',
      // Built JavaScript, so the CLI and worker threads load it with plain Node; tests and typecheck use src.
      main: './dist/index.js',
      types: './dist/index.d.ts',
      scripts: {
        typecheck: 'tsc -p tsconfig.lib.json --noEmit && tsc -p tsconfig.spec.json --noEmit',
        build: 'tsc -p tsconfig.build.json',
      },
      dependencies: { '@waitless/core': '*' },
      devDependencies: { '@waitless/strategy-testkit': '*' },
      nx: { name: 'strategy-my-transport', tags: ['type:plugin'] },
    });
    expect(readJson(tree, `${root}/tsconfig.json`).extends).toBe('../../tsconfig.base.json');
    expect(readJson(tree, `${root}/tsconfig.build.json`)).toMatchObject({
      extends: './tsconfig.lib.json',
      compilerOptions: { outDir: 'dist' },
    });
    expect(readJson(tree, `${root}/tsconfig.lib.json`)).toMatchObject({
      extends: '../../tsconfig.base.json',
      compilerOptions: { types: ['node'] },
    });
    expect(readJson(tree, `${root}/tsconfig.spec.json`)).toMatchObject({
      extends: '../../tsconfig.base.json',
      compilerOptions: { types: ['node', 'jest'] },
    });
    expect(tree.read(`${root}/jest.config.js`, 'utf-8')).toBe(
      "module.exports = { displayName: 'strategy-my-transport', preset: '../../jest.preset.js' };\n",
    );
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toEqual({
      '@waitless/core': ['packages/core/src/index.ts'],
      '@waitless/strategy-my-transport': ['packages/strategy-my-transport/src/index.ts'],
    });
  });

  it('writes a strategy with a TODO at the transport, a plain defineStrategyPlugin module and the two-line conformance spec', async () => {
    await strategyGenerator(tree, { name: 'my-transport', description: `Carries requests on "carrier pigeons" */ fast` });
    const src = 'packages/strategy-my-transport/src';
    const strategy = tree.read(`${src}/my-transport-strategy.ts`, 'utf-8');
    expect(strategy).toContain('export class MyTransportStrategy implements FetchStrategy');
    expect(strategy).toContain("readonly name = 'my-transport';");
    expect(strategy).toMatch(/\/\/ TODO: swap Node's global fetch for the real transport/);
    expect(strategy).not.toContain('*/ fast');

    const module = tree.read(`${src}/my-transport-plugin.ts`, 'utf-8');
    expect(module).toContain('export const plugin = defineStrategyPlugin({');
    expect(module).not.toContain('inversify');
    expect(module).toContain(`description: 'Carries requests on "carrier pigeons" *\\\\/ fast',`);
    expect(module).toContain("packageName: '@waitless/strategy-my-transport',");
    expect(tree.read(`${src}/my-transport-conformance.spec.ts`, 'utf-8')).toBe(
      "import { describeConformance } from '@waitless/strategy-testkit';\n" +
        "import { plugin } from './my-transport-plugin';\n\n" +
        'describeConformance(plugin);\n',
    );
    expect(tree.read(`${src}/index.ts`, 'utf-8')).toBe(
      "export { plugin } from './my-transport-plugin';\nexport { MyTransportStrategy } from './my-transport-strategy';\n",
    );
    expect(readJson(tree, 'packages/strategy-my-transport/package.json').description).toBe(
      'Carries requests on "carrier pigeons" *\\/ fast',
    );
  });

  it('honours --directory and adds it to the npm workspaces', async () => {
    await strategyGenerator(tree, { name: 'h2', directory: 'libs/plugins/' });
    expect(tree.exists('libs/plugins/strategy-h2/src/h2-strategy.ts')).toBe(true);
    expect(readJson(tree, 'libs/plugins/strategy-h2/tsconfig.json').extends).toBe('../../../tsconfig.base.json');
    expect(tree.read('libs/plugins/strategy-h2/jest.config.js', 'utf-8')).toContain("preset: '../../../jest.preset.js'");
    expect(readJson(tree, 'package.json').workspaces).toEqual(['packages/*', 'apps/*', 'tools/*', 'libs/plugins/*']);
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@waitless/strategy-h2']).toEqual([
      'libs/plugins/strategy-h2/src/index.ts',
    ]);
  });

  it('leaves root files untouched when nothing in them changes', async () => {
    tree.write('package.json', '{"name":"waitless","workspaces":["packages/*"]}');
    await strategyGenerator(tree, { name: 'my-transport' });
    expect(tree.read('package.json', 'utf-8')).toBe('{"name":"waitless","workspaces":["packages/*"]}');
  });

  it('records the package in package-lock.json as npm install would, in npm key order', async () => {
    writeJson(tree, 'package-lock.json', {
      name: 'waitless',
      lockfileVersion: 3,
      packages: {
        '': { name: 'waitless', workspaces: ['packages/*'] },
        'node_modules/@waitless/core': { resolved: 'packages/core', link: true },
        'node_modules/zod': { version: '4.6.7' },
        'packages/core': { name: '@waitless/core', version: '0.1.0' },
      },
    });
    await strategyGenerator(tree, { name: 'my-transport' });
    const { packages } = readJson(tree, 'package-lock.json');
    expect(Object.keys(packages)).toEqual([
      '',
      'node_modules/@waitless/core',
      'node_modules/@waitless/strategy-my-transport',
      'node_modules/zod',
      'packages/core',
      'packages/strategy-my-transport',
    ]);
    expect(packages['node_modules/@waitless/strategy-my-transport']).toEqual({ resolved: 'packages/strategy-my-transport', link: true });
    expect(packages['packages/strategy-my-transport']).toEqual({
      name: '@waitless/strategy-my-transport',
      version: '0.1.0',
      license: 'MIT',
      dependencies: { '@waitless/core': '*' },
      devDependencies: { '@waitless/strategy-testkit': '*' },
    });
    expect(packages[''].workspaces).toEqual(['packages/*']);
  });

  it.each([
    ['My Transport', /Invalid strategy name "My Transport": use kebab-case .* Try: npx nx g @waitless\/tools:strategy my-transport$/],
    ['myTransport', /Invalid strategy name "myTransport".* Try: npx nx g @waitless\/tools:strategy my-transport$/],
    ['my_transport', /Invalid strategy name "my_transport".* Try: npx nx g @waitless\/tools:strategy my-transport$/],
    ['my--transport', /Invalid strategy name "my--transport"/],
    ['9lives', /Invalid strategy name "9lives"/],
    ['', /Give the strategy a kebab-case name, e\.g\. npx nx g @waitless\/tools:strategy my-transport/],
    [
      'strategy-my-transport',
      /Leave out the "strategy-" prefix; the generator adds it\. Run: npx nx g @waitless\/tools:strategy my-transport$/,
    ],
  ])('rejects the name %j with a message that says what to do', async (name, message) => {
    await expect(strategyGenerator(tree, { name })).rejects.toThrow(message);
    expect(tree.exists('packages')).toBe(false);
  });

  it('rejects a name that clashes with an existing project, package or folder', async () => {
    addProjectConfiguration(tree, 'strategy-native-async', { root: 'packages/strategy-native-async' });
    await expect(strategyGenerator(tree, { name: 'native-async' })).rejects.toThrow(
      'A project named "strategy-native-async" (no package.json) already exists at packages/strategy-native-async. ' +
        'Pick another strategy name, or delete that package first.',
    );

    addProjectConfiguration(tree, 'pool', { root: 'libs/pool' });
    writeJson(tree, 'libs/pool/package.json', { name: '@waitless/strategy-pool' });
    await expect(strategyGenerator(tree, { name: 'pool' })).rejects.toThrow(
      /A project named "pool" \(@waitless\/strategy-pool\) already exists at libs\/pool/,
    );

    tree.write('packages/strategy-leftover/notes.txt', 'x');
    await expect(strategyGenerator(tree, { name: 'leftover' })).rejects.toThrow(
      'packages/strategy-leftover already exists. Pick another strategy name or --directory, or remove that folder first.',
    );
  });

  it('rejects a --directory outside the workspace', async () => {
    await expect(strategyGenerator(tree, { name: 'x', directory: '../elsewhere' })).rejects.toThrow(
      '--directory must be a folder inside the workspace, e.g. --directory packages; got "../elsewhere".',
    );
    await expect(strategyGenerator(tree, { name: 'x', directory: '/abs' })).rejects.toThrow(
      /--directory must be a folder inside the workspace/,
    );
  });
});

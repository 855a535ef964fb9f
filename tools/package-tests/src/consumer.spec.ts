import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';

// The packages as a user gets them: every publishable package is packed, linted as a tarball (publint, attw) and
// installed with npm into a project in the system temp folder, outside the workspace, where nothing of the
// workspace is on the module path. Only npm's registry (for third-party dependencies, cache first) and 127.0.0.1
// are reached.
const WORKSPACE = resolve(__dirname, '../../..');
const HERE = resolve(__dirname, '..');
const GUIDE = join(WORKSPACE, 'docs/writing-a-strategy.md');
const BUILT_IN_STRATEGIES = ['blocking-sync', 'native-async', 'undici-pool', 'worker-threaded'];
const EXTERNAL_PLUGIN = 'waitless-strategy-global-fetch';
const EXTERNAL_STRATEGY = 'global-fetch';
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];
const STEP_MS = 240_000;

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface Publishable {
  dir: string;
  manifest: Manifest;
}

/** The workspace packages a user can install: not private, under packages/ or the CLI. */
function publishablePackages(): Publishable[] {
  const dirs = [...readdirSync(join(WORKSPACE, 'packages')).map((name) => join(WORKSPACE, 'packages', name)), join(WORKSPACE, 'apps/cli')];
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
    .filter(({ manifest }) => !manifest.private);
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Nothing of the parent nx/jest/npm run leaks in (npm_config_* would point npm at the workspace), and no
  // WAITLESS_* setting changes what the consumers choose. NODE_PATH is emptied so only the temp project resolves.
  const inherited = Object.entries(process.env).filter(([key]) => !/^(NX_|npm_|JEST_|WAITLESS_)|^(INIT_CWD|NODE_OPTIONS)$/i.test(key));
  return { ...Object.fromEntries(inherited), NODE_PATH: '', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

interface RunResult {
  code: number | string | null;
  output: string;
  stdout: string;
}

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, env: childEnv(env), timeout: STEP_MS - 15_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (error.code ?? error.signal ?? 'failed') : 0;
        done({ code, stdout, output: `$ ${command} ${args.join(' ')}  (in ${cwd})\n${stdout}${stderr}` });
      },
    );
  });
}

/** Runs a command and returns its stdout; a non-zero exit fails with everything it printed. */
async function ok(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.output}`);
  return result.stdout;
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

function binOf(packageName: string, bin: string): string {
  // Through the folder, not require.resolve: publint's exports map does not list ./package.json.
  const dir = join(WORKSPACE, 'node_modules', packageName);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(dir, manifest.bin[bin] ?? '');
}

/** The "Publish it as its own npm package" section of the guide: its `npm install -D` line and its test file. */
function guideRecipe(): { devDependencies: string[]; testFile: string } {
  const guide = readFileSync(GUIDE, 'utf8');
  const section = guide.slice(guide.indexOf('## Publish it as its own npm package'));
  const install = /^```sh\nnpm install -D (.+)\n```/m.exec(section);
  const testFile = /`conformance\.test\.js`[^\n]*\n\n```js\n([\s\S]*?)```/.exec(section);
  if (!install?.[1] || !testFile?.[1]) throw new Error(`${GUIDE} no longer shows the npm install -D line and conformance.test.js`);
  return { devDependencies: install[1].trim().split(/\s+/), testFile: testFile[1] };
}

function parseJsonLine(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

describe('the published packages, installed from their tarballs outside the workspace', () => {
  const packages = publishablePackages();
  const names = packages.map(({ manifest }) => manifest.name);
  let root = '';
  let server: FixtureServer;
  const tarballs = new Map<string, string>();
  const packedFiles = new Map<string, string[]>();
  const tarballDir = (): string => join(root, 'tarballs');
  const pluginRepo = (): string => join(root, EXTERNAL_PLUGIN);
  const app = (): string => join(root, 'app');
  const fileSpec = (name: string): string => {
    const tarball = tarballs.get(name);
    if (!tarball) throw new Error(`${name} was not packed (packed: ${[...tarballs.keys()].join(', ')})`);
    return `file:${tarball}`;
  };
  // Our packages a set of packages pulls in: npm would look them up in the registry unless given as tarballs too.
  const withOurDependencies = (wanted: readonly string[]): string[] => {
    const all = new Set(wanted);
    for (const name of all) {
      const manifest = packages.find((p) => p.manifest.name === name)?.manifest;
      for (const dependency of Object.keys(manifest?.dependencies ?? {})) if (names.includes(dependency)) all.add(dependency);
    }
    return [...all];
  };

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'waitless-consumer-')));
    mkdirSync(tarballDir());
    const pack = ok(
      'npm',
      ['pack', ...packages.flatMap(({ dir }) => ['-w', dir]), '--pack-destination', tarballDir(), '--json'],
      WORKSPACE,
    );
    [server] = await Promise.all([startFixtureServer(), pack]);
    for (const { name, filename, files } of JSON.parse(await pack) as { name: string; filename: string; files: { path: string }[] }[]) {
      tarballs.set(name, join(tarballDir(), filename));
      packedFiles.set(
        name,
        files.map((file) => file.path),
      );
    }
  }, STEP_MS);

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('packs the libraries and the CLI', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        '@waitless/core',
        '@waitless/concurrency',
        '@waitless/to-thread',
        '@waitless/blocking-http',
        '@waitless/fixture-server',
        '@waitless/pokeapi',
        '@waitless/text-table',
        '@waitless/strategy-native-async',
        '@waitless/strategy-worker-threaded',
        '@waitless/strategy-blocking-sync',
        '@waitless/strategy-undici-pool',
        '@waitless/strategy-testkit',
        '@waitless/cli',
      ]),
    );
    expect([...tarballs.keys()].sort()).toEqual([...names].sort());
  });

  it('ships built code, types, README and LICENSE, never specs, test fixtures or build config', () => {
    const notShipped = /\.spec(-d)?\.|(^|\/)(test|tests|__tests__|fixtures)\/|(^|\/)(tsconfig[^/]*|jest\.config\.[cm]?js)$|\.tsbuildinfo$/;
    for (const [name, files] of packedFiles) {
      expect({ name, unwanted: files.filter((file) => notShipped.test(file)) }).toEqual({ name, unwanted: [] });
      expect({ name, files }).toEqual({ name, files: expect.arrayContaining(['package.json', 'README.md', 'LICENSE']) });
      expect({ name, built: files.some((file) => file.startsWith('dist/')) }).toEqual({ name, built: true });
    }
  });

  it(
    'ships tarballs that publint and attw (every module resolution, import and require) find nothing wrong with',
    async () => {
      const publint = binOf('publint', 'publint');
      const attw = binOf('@arethetypeswrong/cli', 'attw');
      const ours = [...tarballs].filter(([name]) => names.includes(name)).map(([, tarball]) => tarball);
      const reports = await inBatches(ours, 2, async (tarball) => {
        const [lint, types] = await Promise.all([
          run(process.execPath, [publint, '--strict', tarball], root),
          run(process.execPath, [attw, tarball], root),
        ]);
        // publint exits 0 on suggestions: anything but "All good!" counts as a problem.
        return [lint.code === 0 && lint.stdout.includes('All good!') ? '' : lint.output, types.code === 0 ? '' : types.output];
      });
      expect(reports.flat().filter(Boolean).join('\n')).toBe('');
    },
    STEP_MS,
  );

  describe('installed with npm', () => {
    beforeAll(async () => {
      // The external plugin: its own folder and package.json, @waitless/core as a peer, plain JavaScript.
      mkdirSync(pluginRepo());
      const pluginManifest = {
        name: EXTERNAL_PLUGIN,
        version: '1.0.0',
        description: "A third-party Waitless strategy on Node's global fetch.",
        license: 'MIT',
        main: 'index.js',
        files: ['index.js'],
        peerDependencies: { '@waitless/core': `^${packages.find((p) => p.manifest.name === '@waitless/core')?.manifest.version}` },
      };
      writeFileSync(join(pluginRepo(), 'package.json'), `${JSON.stringify(pluginManifest, null, 2)}\n`);
      copyFileSync(join(HERE, 'consumer/global-fetch-plugin.js'), join(pluginRepo(), 'index.js'));
      const packed = JSON.parse(await ok('npm', ['pack', '--pack-destination', tarballDir(), '--json'], pluginRepo())) as {
        filename: string;
      }[];
      tarballs.set(EXTERNAL_PLUGIN, join(tarballDir(), packed[0]?.filename ?? ''));

      // Its repository installs what the guide says (jest from the registry, ours from the tarballs) ...
      const { devDependencies } = guideRecipe();
      const ours = withOurDependencies(devDependencies.filter((name) => names.includes(name)));
      const others = devDependencies.filter((name) => !names.includes(name)).map((name) => (name === 'jest' ? 'jest@30' : name));
      const installPlugin = ok('npm', ['install', '-D', ...others, ...ours.map(fileSpec), ...NPM_FLAGS], pluginRepo());

      // ... and the app every library, the CLI and the external plugin, plus Node's types for its TypeScript consumer.
      mkdirSync(app());
      const dependencies = Object.fromEntries([...tarballs.keys()].map((name) => [name, fileSpec(name)]));
      const nodeTypes = (JSON.parse(readFileSync(join(WORKSPACE, 'package.json'), 'utf8')) as Manifest).devDependencies?.['@types/node'];
      const appManifest = {
        name: 'waitless-consumer',
        version: '1.0.0',
        private: true,
        dependencies: { ...dependencies, '@types/node': nodeTypes },
      };
      writeFileSync(join(app(), 'package.json'), `${JSON.stringify(appManifest, null, 2)}\n`);
      const config = {
        plugins: [
          '@waitless/strategy-native-async',
          '@waitless/strategy-worker-threaded',
          '@waitless/strategy-blocking-sync',
          '@waitless/strategy-undici-pool',
          EXTERNAL_PLUGIN,
        ],
        strategy: 'native-async',
        strategies: { 'worker-threaded': { options: { poolSize: 2 } } },
      };
      writeFileSync(join(app(), 'waitless.config.json'), `${JSON.stringify(config, null, 2)}\n`);
      for (const file of ['consumer.mjs', 'consumer.cjs', 'consumer.ts']) copyFileSync(join(HERE, 'consumer', file), join(app(), file));
      const installApp = ok('npm', ['install', ...NPM_FLAGS], app());

      await Promise.all([installPlugin, installApp]);
    }, STEP_MS);

    it('takes every @waitless package from the tarballs, none from the registry', () => {
      const lock = JSON.parse(readFileSync(join(app(), 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { resolved?: string; version?: string }>;
      };
      const ours = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/(@waitless\/|waitless-)/.test(path));
      expect(ours.map(([path]) => path.replace(/^node_modules\//, '')).sort()).toEqual([...tarballs.keys()].sort());
      for (const [path, entry] of ours)
        expect({ path, resolved: entry.resolved }).toEqual({ path, resolved: expect.stringMatching(/^file:/) });
    });

    it(
      'runs the kit against an external plain-JS plugin with stock jest, as the guide says',
      async () => {
        writeFileSync(join(pluginRepo(), 'conformance.test.js'), guideRecipe().testFile);
        const result = await run(process.execPath, [join(pluginRepo(), 'node_modules/jest/bin/jest.js'), '--ci'], pluginRepo());
        expect({ code: result.code, output: result.output }).toEqual({
          code: 0,
          output: expect.stringMatching(/Tests:\s+(\d+) passed, \1 total/),
        });
      },
      STEP_MS,
    );

    it.each(['consumer.mjs', 'consumer.cjs'])(
      '%s creates a runtime from waitless.config.json and fetches on every strategy, the external one included',
      async (script) => {
        const report = parseJsonLine(await ok(process.execPath, [script], app(), { FIXTURE_URL: server.url }));
        // Resolved inside the temp project, never from the workspace.
        expect(String(report['resolved'])).toContain(`${app()}/node_modules/@waitless/core/dist/`);
        expect(report['active']).toEqual({ name: 'native-async', source: 'config' });
        const expected = Object.fromEntries(
          [...BUILT_IN_STRATEGIES, EXTERNAL_STRATEGY].map((name) => [name, { status: 200, name: 'pikachu', notFound: 404 }]),
        );
        expect(report['results']).toEqual(expected);
      },
      STEP_MS,
    );

    it(
      'type-checks a strict TypeScript consumer with module nodenext and with moduleResolution bundler',
      async () => {
        const strict = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, types: ['node'] };
        const configs = {
          'tsconfig.nodenext.json': { target: 'ES2022', lib: ['ES2023'], module: 'nodenext', moduleResolution: 'nodenext' },
          'tsconfig.bundler.json': {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'esnext',
            moduleResolution: 'bundler',
          },
        };
        const tsc = join(WORKSPACE, 'node_modules/typescript/bin/tsc');
        const results = await Promise.all(
          Object.entries(configs).map(([file, options]) => {
            writeFileSync(
              join(app(), file),
              JSON.stringify({ compilerOptions: { ...options, ...strict }, files: ['consumer.ts'] }, null, 2),
            );
            return run(process.execPath, [tsc, '-p', file], app());
          }),
        );
        expect(results.map(({ code, output }) => (code === 0 ? 'ok' : output))).toEqual(['ok', 'ok']);
      },
      STEP_MS,
    );

    it(
      'runs the CLI from its tarball: waitless compare prints a table for every strategy',
      async () => {
        const output = await ok('npx', ['--no', 'waitless', 'compare', '--count', '10', '--latency', '50'], app());
        expect(output).toMatch(/strategy\s+mode\s+wall ms/);
        for (const name of [...BUILT_IN_STRATEGIES, EXTERNAL_STRATEGY])
          expect(output).toMatch(new RegExp(`^${name}\\s+gather\\s+\\d+`, 'm'));
      },
      STEP_MS,
    );

    it(
      'lists the external plugin in waitless strategies, activated by the config file',
      async () => {
        const output = await ok('npx', ['--no', 'waitless', 'strategies'], app());
        expect(output).toMatch(new RegExp(`${EXTERNAL_STRATEGY}\\s+${EXTERNAL_PLUGIN}\\s+concurrent`));
        expect(output).toContain(join(app(), 'waitless.config.json'));
      },
      STEP_MS,
    );
  });
});

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

// End to end: copy the workspace, then run every command in docs/writing-a-strategy.md there, in order, with the
// example name swapped for a fresh one, applying the guide's config edit where it says so.
const WORKSPACE = resolve(__dirname, '../../../../..');
const GUIDE = 'docs/writing-a-strategy.md';
const EXAMPLE = 'my-transport';
const NAME = 'e2e-probe';
const NOT_SOURCE = new Set(['node_modules', '.git', '.nx', 'dist', 'coverage', 'test-output']);

interface Block {
  lang: string;
  body: string;
}

function guideBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map(([, lang, body]) => ({ lang, body: body.split(EXAMPLE).join(NAME) }));
}

// Sources are copied; dependencies are symlinked entry by entry from the original node_modules, except the
// @waitless scope, whose workspace links must point at the copies (and receive the generator's new link).
function copyWorkspace(to: string): void {
  cpSync(WORKSPACE, to, { recursive: true, verbatimSymlinks: true, filter: (source) => !NOT_SOURCE.has(basename(source)) });
  for (const group of ['packages', 'apps', 'tools']) {
    for (const pkg of readdirSync(join(WORKSPACE, group))) {
      const nested = join(WORKSPACE, group, pkg, 'node_modules');
      if (existsSync(nested)) symlinkSync(nested, join(to, group, pkg, 'node_modules'));
    }
  }
  const modules = join(WORKSPACE, 'node_modules');
  mkdirSync(join(to, 'node_modules', '@waitless'), { recursive: true });
  mkdirSync(join(to, 'node_modules', '.cache'));
  for (const entry of readdirSync(modules)) {
    if (entry === '.cache' || entry === '@waitless') continue;
    symlinkSync(join(modules, entry), join(to, 'node_modules', entry));
  }
  for (const entry of readdirSync(join(modules, '@waitless'))) {
    symlinkSync(readlinkSync(join(modules, '@waitless', entry)), join(to, 'node_modules', '@waitless', entry));
  }
}

function childEnv(): NodeJS.ProcessEnv {
  // The parent nx/jest/npm run leaks settings (NX_WORKSPACE_ROOT_PATH would point nx back at the original).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(NX_|npm_|JEST_)|^INIT_CWD$/.test(key)));
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
}

function run(command: string, cwd: string): string {
  const result = spawnSync(command, { cwd, env: childEnv(), shell: '/bin/bash', encoding: 'utf8', timeout: 240_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`\`${command}\` exited with ${result.status ?? result.signal}:\n${output}`);
  return output;
}

describe(`${GUIDE} end to end`, () => {
  let workspace: string;

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'waitless-e2e-'));
    copyWorkspace(workspace);
  });

  afterAll(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('generates a strategy that passes the kit, and activates it (and a package from outside the repo) by config', () => {
    const blocks = guideBlocks(readFileSync(join(workspace, GUIDE), 'utf8'));
    const commands: string[] = [];
    const outputs: string[] = [];
    for (const block of blocks) {
      if (block.lang === 'json' && block.body.includes('"plugins"')) {
        activate(workspace, (JSON.parse(block.body) as { plugins: string[] }).plugins);
      } else if (block.lang === 'bash') {
        for (const command of block.body
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !line.startsWith('#'))) {
          commands.push(command);
          outputs.push(run(command, workspace));
        }
      }
    }

    expect(commands).toEqual([
      `npx nx g @waitless/tools:strategy ${NAME} --description "My transport: one line on how it carries requests."`,
      `npx nx test strategy-${NAME}`,
      `npx nx run-many -t lint typecheck -p strategy-${NAME}`,
      'npm run waitless -- strategies',
    ]);
    expect(outputs[1]).toMatch(/Tests:\s+(\d+) passed, \1 total/);
    expect(outputs[3]).toMatch(new RegExp(`${NAME}\\s+@waitless/strategy-${NAME}\\s+concurrent\\s+My transport: one line`));

    // The guide's publishing claim: a plain-JS package outside the workspace, with core as a peer, loads the same way.
    const outside = join(workspace, 'node_modules', 'waitless-strategy-outside');
    mkdirSync(outside);
    writeFileSync(
      join(outside, 'package.json'),
      JSON.stringify({
        name: 'waitless-strategy-outside',
        version: '1.0.0',
        main: 'index.js',
        peerDependencies: { '@waitless/core': '^0.1.0' },
      }),
    );
    writeFileSync(
      join(outside, 'index.js'),
      // A plugin is a plain object: it needs nothing from core at run time, not even defineStrategyPlugin.
      "class OutsideStrategy { name = 'outside'; async fetch() { throw new Error('not called'); } }\n" +
        "exports.plugin = { name: 'outside', packageName: 'waitless-strategy-outside', description: 'Published outside the repo.', " +
        "profile: 'concurrent', create: () => new OutsideStrategy() };\n",
    );
    activate(workspace, ['waitless-strategy-outside']);
    const listed = run(
      `npx tsx -e "const w = require('@waitless/core').createWaitless(); console.log(JSON.stringify(w.descriptors().map((d) => d.name)))"`,
      workspace,
    );
    expect(JSON.parse(listed.trim().split('\n').pop() ?? '[]')).toEqual(
      expect.arrayContaining(['native-async', 'undici-pool', NAME, 'outside']),
    );

    // The generator recorded the package in package-lock.json, so a fresh clone's `npm ci` accepts the lock.
    const manifests = mkdtempSync(join(tmpdir(), 'waitless-lock-'));
    try {
      for (const file of [
        'package.json',
        'package-lock.json',
        ...['packages', 'apps', 'tools'].flatMap((group) =>
          readdirSync(join(workspace, group)).map((pkg) => `${group}/${pkg}/package.json`),
        ),
      ]) {
        if (!existsSync(join(workspace, file))) continue;
        mkdirSync(dirname(join(manifests, file)), { recursive: true });
        cpSync(join(workspace, file), join(manifests, file));
      }
      run('npm ci --dry-run --offline --ignore-scripts --no-audit --no-fund', manifests);
    } finally {
      rmSync(manifests, { recursive: true, force: true });
    }
  }, 480_000);
});

function activate(workspace: string, plugins: readonly string[]): void {
  const file = join(workspace, 'waitless.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { plugins?: string[] };
  config.plugins = [...new Set([...(config.plugins ?? []), ...plugins])];
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

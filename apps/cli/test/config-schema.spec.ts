import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { runCli, WORKSPACE_ROOT } from './run-cli';

const SCHEMA_FILE = 'packages/core/waitless.config.schema.json';
const REGENERATE = `npm run waitless -- schema ${SCHEMA_FILE}`;
const SCHEMA_REF = './node_modules/@waitless/core/waitless.config.schema.json';
const SKIP = new Set(['node_modules', 'dist', '.nx', '.git', 'test-output', 'coverage']);

/** Files under `dir` (skipping build output and dependencies) whose name passes `wanted`. */
function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.docs-run-')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(path, wanted);
    return wanted(entry.name) ? [path] : [];
  });
}

/** A config as written somewhere in the repo, with where it was found for the failure message. */
interface FoundConfig {
  where: string;
  config: Record<string, unknown>;
}

/** Every ```json block of the Markdown files that is a Waitless config (it names plugins, a strategy or strategy settings). */
function configBlocks(): FoundConfig[] {
  const found: FoundConfig[] = [];
  for (const file of findFiles(WORKSPACE_ROOT, (name) => name.endsWith('.md') && name !== 'CHANGELOG.md')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/```jsonc?\n([\s\S]*?)```/g)) {
      let value: unknown;
      try {
        value = JSON.parse(match[1]);
      } catch {
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      if (!['plugins', 'strategy', 'strategies'].some((key) => key in value)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ where: `${relative(WORKSPACE_ROOT, file)}:${line}`, config: value as Record<string, unknown> });
    }
  }
  return found;
}

const configFiles = findFiles(WORKSPACE_ROOT, (name) => name === 'waitless.config.json');
const shipped = JSON.parse(readFileSync(join(WORKSPACE_ROOT, SCHEMA_FILE), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// Defaults are documentation for editors here; strict mode only objects to keywords it does not know.
const validate = ajv.compile(shipped);
const errorsOf = (config: unknown): string =>
  validate(config) ? '' : ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: 'config' });

describe(SCHEMA_FILE, () => {
  it('is what `waitless schema` generates from the zod schemas of the built-in plugins and decorators', async () => {
    const { code, stdout, stderr } = await runCli(['schema']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    if (!isDeepStrictEqual(JSON.parse(stdout), shipped)) {
      throw new Error(`${SCHEMA_FILE} is out of date with the config, plugin and decorator schemas. Regenerate it: ${REGENERATE}`);
    }
  });

  it.each(configFiles.map((file) => [relative(WORKSPACE_ROOT, file), file]))('validates %s, which points $schema at it', (_name, file) => {
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(errorsOf(config)).toBe('');
    expect(config['$schema']).toBe(SCHEMA_REF);
    // The reference resolves from the file's folder (node_modules/@waitless/core is the workspace package).
    expect(() => readFileSync(join(dirname(file), SCHEMA_REF))).not.toThrow();
  });

  it('validates every config block of the docs and READMEs, each pointing $schema at it', () => {
    const blocks = configBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const problems = blocks
      .map(({ where, config }) => {
        const errors = errorsOf(config);
        const reference = config['$schema'] === SCHEMA_REF ? '' : `"$schema" is not "${SCHEMA_REF}"`;
        return [errors, reference].filter(Boolean).map((problem) => `${where}: ${problem}`);
      })
      .flat();
    expect(problems).toEqual([]);
  });

  it.each([
    ['an unknown top-level key', { strategi: 'native-async' }],
    ['a bad plugin option', { strategies: { 'worker-threaded': { options: { poolSize: 0 } } } }],
    ['an unknown plugin option', { strategies: { 'worker-threaded': { options: { poolsize: 4 } } } }],
    ['a misspelt decorator setting', { strategies: { 'native-async': { retry: { attemps: 3 } } } }],
    ['an unknown decorator', { strategies: { 'native-async': { retri: { attempts: 3 } } } }],
    ['a base URL that is not a URL', { baseUrl: 'localhost' }],
  ])('rejects %s', (_what, config) => {
    expect(errorsOf(config)).not.toBe('');
  });

  it('accepts a strategy of a plugin it was generated without, with the decorators checked', () => {
    expect(errorsOf({ plugins: ['my-plugin'], strategies: { mine: { options: { anything: 1 }, retry: { attempts: 2 } } } })).toBe('');
    expect(errorsOf({ strategies: { mine: { retry: { attempts: 0 } } } })).not.toBe('');
  });
});

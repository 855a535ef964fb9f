import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, WORKSPACE_ROOT, type CliResult } from './run-cli';

/** The one stderr line of a usage error (exit 2, nothing on stdout, no stack). */
function usageError(result: CliResult): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  return result.stderr.trim();
}

// A port nothing listens on: every request fails at once with a refused connection.
const DEAD_URL = 'http://127.0.0.1:1';

describe('limits and hostile input', () => {
  let dir: string;
  const config = (name: string, value: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'waitless-limits-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['names', '--count', '99999999999999999'], 'Expected an integer from 1 to 1000000'],
    [['names', '--count', '1000001'], 'Expected an integer from 1 to 1000000'],
    [['compare', '--concurrency', '10001'], 'Expected an integer from 1 to 10000'],
    [['names', '--latency', '60001'], 'Expected a number of milliseconds from 0 to 60000'],
    [['pipeline', 'x.json', '--deadline', '3600001'], 'Expected an integer from 1 to 3600000'],
    [['compare', '--pool-size', '4,257'], 'Expected integers from 1 to 256'],
    [['compare', '--workers', '65'], 'Expected an integer from 1 to 64'],
  ])('%j exits 2 naming the bound', async (args, bound) => {
    expect(usageError(await runCli(args))).toContain(bound);
  });

  it('refuses a pipeline path that is a directory, and a pipeline nested too deep, with exit 2', async () => {
    expect(usageError(await runCli(['pipeline', dir]))).toContain(`${dir}: $: is a directory.`);
    const levels = 5_000;
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'{"type":"sequence","steps":['.repeat(levels)}{"type":"step","step":"pokemon.name"}${']}'.repeat(levels)}`);
    expect(usageError(await runCli(['pipeline', deep]))).toMatch(/: \$: nests deeper than 100 levels \(at \$\.steps\[0\]/);
  });

  it('refuses a config baseUrl that is not http(s) with exit 2', async () => {
    for (const baseUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/']) {
      const path = config('scheme.json', { baseUrl });
      expect(usageError(await runCli(['--config', path, 'names', '--count', '1']))).toContain(
        `Invalid config in ${path}: "baseUrl" must be an absolute http:// or https:// URL.`,
      );
    }
  });

  it('keeps credentials out of every message and truncates a huge URL', async () => {
    const secret = config('secret.json', { plugins: ['@waitless/strategy-native-async'], baseUrl: 'http://me:hunter2@127.0.0.1:1' });
    const withSecret = await runCli(['--config', secret, '--verbose', 'names', '--count', '2']);
    expect(withSecret.code).toBe(1);
    expect(withSecret.stdout).toContain('2 failed');
    expect(`${withSecret.stdout}${withSecret.stderr}`).not.toContain('hunter2');

    const huge = config('huge.json', { plugins: ['@waitless/strategy-native-async'], baseUrl: `${DEAD_URL}/${'a'.repeat(10_000_000)}` });
    const result = await runCli(['--config', huge, '--verbose', 'compare', '--count', '2']);
    expect(result.code).toBe(1);
    expect(result.stdout.length + result.stderr.length).toBeLessThan(20_000);
    expect(result.stdout).toContain('… (10000019 characters)');
  });

  it('compare says the warm-up failed instead of listing no warmed-up strategy', async () => {
    const dead = config('dead.json', { plugins: ['@waitless/strategy-native-async'], baseUrl: DEAD_URL });
    const result = await runCli(['--config', dead, 'compare', '--count', '2', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Warm-up failed (native-async), so start-up is timed along with the failures below.');
    expect(result.stdout).not.toContain('()');
  });

  it('runs from the workspace root', () => {
    expect(WORKSPACE_ROOT).toBe(join(__dirname, '..', '..', '..'));
  });
});

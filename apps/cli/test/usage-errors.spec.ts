import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from './run-cli';

function expectOneLineUsageError(result: CliResult): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

describe('usage and config errors exit 2 with one line', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'waitless-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a bad flag value', async () => {
    expect(expectOneLineUsageError(await runCli(['names', '--count', 'abc']))).toContain("'--count <n>' argument 'abc' is invalid");
  });

  it('rejects an unknown flag', async () => {
    expect(expectOneLineUsageError(await runCli(['compare', '--frobnicate']))).toContain("unknown option '--frobnicate'");
  });

  it('rejects an unknown strategy, listing the registered ones', async () => {
    const line = expectOneLineUsageError(await runCli(['--strategy', 'nativ-async', 'names', '--count', '1']));
    expect(line).toContain('Unknown strategy "nativ-async" (requested by the caller). Did you mean "native-async"? Registered: ');
    expect(line).toContain('Choose one with --strategy <name>');
  });

  it('names the bad field of a config file', async () => {
    const config = join(dir, 'waitless.config.json');
    writeFileSync(config, JSON.stringify({ strategies: { 'native-async': { retry: { attempts: 0 } } } }));
    const line = expectOneLineUsageError(await runCli(['--config', config, 'strategies']));
    expect(line).toContain(config);
    expect(line).toContain('"strategies.native-async.retry.attempts"');
  });

  it('rejects --pool-size when the worker-threaded strategy is not registered', async () => {
    const config = join(dir, 'native-only.json');
    writeFileSync(config, JSON.stringify({ plugins: ['@waitless/strategy-native-async'] }));
    const line = expectOneLineUsageError(await runCli(['--config', config, 'compare', '--pool-size', '6']));
    expect(line).toContain(`Invalid config in ${config}: "plugins" registers no worker-threaded strategy, which --pool-size needs`);
  });

  it('prints the stack trace only with --verbose', async () => {
    const { code, stderr } = await runCli(['--verbose', '--strategy', 'nope', 'strategies']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\s+at /m);
  });
});

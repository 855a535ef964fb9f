import { spawnCli, type CliProcess } from './run-cli';

describe('Ctrl-C (SIGINT)', () => {
  let cli: CliProcess | undefined;
  afterEach(() => cli?.child.kill('SIGKILL'));

  it('aborts the run, prints a partial summary and exits 130', async () => {
    cli = spawnCli(['names', '--count', '200', '--latency', '500', '--mode', 'sequential']);
    await cli.waitForStdout(/^\s*1 {2}\S+/m);
    cli.child.kill('SIGINT');
    const { code, stdout } = await cli.exited;
    expect(code).toBe(130);
    expect(stdout).toMatch(/interrupted: \d+ of 200 names in \d+ ms on native-async/);
    expect(stdout).toMatch(/1 aborted/);
  });
});

import { parseStrategyNames, runCli } from './run-cli';

describe('waitless factory', () => {
  it('resolves every registered strategy by name plus one created asynchronously', async () => {
    const registered = parseStrategyNames((await runCli(['strategies'])).stdout);
    const { code, stdout } = await runCli(['factory', '--latency', '0']);
    expect(code).toBe(0);
    for (const name of [...registered, 'health-checked']) {
      expect(stdout).toMatch(new RegExp(`^${name} +\\d+ ms {2}pikachu in \\d+ ms$`, 'm'));
    }
    expect(stdout).toContain("health-checked's create() is async");
  });
});

import { parseStrategyNames, runCli } from './run-cli';

describe('waitless strategies', () => {
  it('lists the registered strategies and says the flag chose the active one', async () => {
    const { code, stdout } = await runCli(['--strategy', 'worker-threaded', 'strategies']);
    expect(code).toBe(0);
    expect(parseStrategyNames(stdout)).toEqual(expect.arrayContaining(['native-async', 'worker-threaded', 'blocking-sync']));
    expect(stdout).toMatch(/^\* {2}worker-threaded /m);
    expect(stdout).toContain('active: worker-threaded, chosen by the --strategy flag');
  });

  it('says when WAITLESS_STRATEGY chose it', async () => {
    const { code, stdout } = await runCli(['strategies'], { WAITLESS_STRATEGY: 'blocking-sync' });
    expect(code).toBe(0);
    expect(stdout).toContain('active: blocking-sync, chosen by the environment variable WAITLESS_STRATEGY');
  });
});

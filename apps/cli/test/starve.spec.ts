import { runCli } from './run-cli';

describe('waitless starve', () => {
  it('reports a frozen counter for blocking-sync', async () => {
    const { code, stdout } = await runCli(['starve', '--strategy', 'blocking-sync', '--latency', '600']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tick 1 {2}\+\d+ ms/);
    expect(stdout).toMatch(/response {2}\+\d+ ms/);
    expect(stdout).toMatch(/counter froze for \d+ ms/);
    expect(stdout).not.toMatch(/kept ticking/);
  });

  it('reports a ticking counter for native-async', async () => {
    const { code, stdout } = await runCli(['starve', '--strategy', 'native-async', '--latency', '600']);
    expect(code).toBe(0);
    const ticks = Number(/counter kept ticking: (\d+) ticks during the request/.exec(stdout)?.[1]);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(stdout).not.toMatch(/froze/);
  });
});

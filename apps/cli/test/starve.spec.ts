import { runCli } from './run-cli';

describe('waitless starve', () => {
  it('reports a frozen counter for blocking-sync', async () => {
    const { code, stdout } = await runCli(['starve', '--strategy', 'blocking-sync', '--latency', '600']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tick 1 {2}\+\d+ ms/);
    expect(stdout).toMatch(/response {2}\+\d+ ms/);
    expect(stdout).toMatch(/counter froze for \d+ ms/);
    expect(stdout).not.toMatch(/kept ticking/);
    // The talk's create_task setup, the code path the request took, and why the counter froze.
    expect(stdout).toContain('create_task: const counter = countTicks()');
    expect(stdout).toContain('strategy.fetch() blocks this thread');
    expect(stdout).toContain('why: the request blocks the only JavaScript thread');
  });

  it('starts the counter and the request together: no tick before a blocking response', async () => {
    const { stdout } = await runCli(['starve', '--strategy', 'blocking-sync', '--latency', '400']);
    const lines = stdout.split('\n');
    const firstTick = lines.findIndex((line) => /^ {2}tick 1 /.test(line));
    expect(lines.findIndex((line) => /^ {2}request sent/.test(line))).toBeLessThan(firstTick);
    expect(lines.findIndex((line) => /^ {2}response/.test(line))).toBeLessThan(firstTick);
  });

  it('leaves out the why line with --quiet', async () => {
    const { code, stdout } = await runCli(['starve', '--strategy', 'worker-threaded', '--latency', '300', '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toContain('posts the blocking call to a worker thread');
    expect(stdout).toMatch(/counter kept ticking/);
    expect(stdout).not.toContain('why:');
  });

  it('reports a ticking counter for native-async', async () => {
    const { code, stdout } = await runCli(['starve', '--strategy', 'native-async', '--latency', '600']);
    expect(code).toBe(0);
    const ticks = Number(/counter kept ticking: (\d+) ticks during the request/.exec(stdout)?.[1]);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(stdout).not.toMatch(/froze/);
    expect(stdout).toContain('why: the request is non-blocking I/O');
  });
});

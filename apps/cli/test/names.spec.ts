import { runCli } from './run-cli';

describe('waitless names', () => {
  it('gathers unbounded by default and prints start-up apart from the timed run', async () => {
    const { code, stdout } = await runCli(['--strategy', 'worker-threaded', 'names', '--count', '8', '--mode', 'gather', '--latency', '0']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/8 names in \d+ ms on worker-threaded \(gather, unbounded: all 8 in flight\); 8 ok, 0 failed/);
    expect(stdout).toMatch(/start-up took \d+\.\d\d s \(not counted\): \d+ warm-up requests/);
  });

  it('says how many waves a bounded gather takes', async () => {
    const { code, stdout } = await runCli(['names', '--count', '20', '--mode', 'gather', '--concurrency', '5', '--latency', '0']);
    expect(code).toBe(0);
    expect(stdout).toContain('(gather, at most 5 in flight: 4 waves)');
  });

  it('with --no-warm-up, says the time includes start-up', async () => {
    const { code, stdout } = await runCli(['names', '--count', '2', '--no-warm-up', '--latency', '0']);
    expect(code).toBe(0);
    expect(stdout).toContain('(sequential, one request at a time)');
    expect(stdout).toContain('cold start: the times above include thread-pool and connection start-up');
    expect(stdout).not.toContain('start-up took');
  });

  it('names collect(sequence(...)) as the async comprehension in --help', async () => {
    const { stdout } = await runCli(['names', '--help']);
    expect(stdout).toContain('collect(sequence(ids, fetchName)): the async comprehension');
    expect(stdout).toContain('default: all at once, like asyncio.gather');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '@waitless/strategy-distributed/testing';
import { runCli, spawnCli, type CliProcess } from './run-cli';

// `waitless worker` beside callers that use the distributed strategy by config alone (docs/distributed.md).
describe('waitless worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waitless-cli-worker-'));
  let redis: RedisServer;
  let config: string;
  const workers: CliProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    config = join(dir, 'waitless.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        strategy: 'distributed',
        plugins: ['@waitless/strategy-undici-pool', '@waitless/strategy-distributed'],
        strategies: { distributed: { options: { redis: redis.socket, concurrency: 50 } } },
      }),
    );
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 with one line saying where Redis was expected when nothing listens there', async () => {
    const missing = join(dir, 'missing.config.json');
    writeFileSync(
      missing,
      JSON.stringify({
        plugins: ['@waitless/strategy-undici-pool', '@waitless/strategy-distributed'],
        strategies: { distributed: { options: { redis: join(dir, 'none.sock') } } },
      }),
    );
    const { code, stderr } = await runCli(['--config', missing, 'worker']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `waitless: Cannot reach Redis at ${join(dir, 'none.sock')} (ENOENT). Start Redis there, or set "redis" under ` +
        'strategies.distributed.options in waitless.config.json to where it listens.',
    );
  });

  it('runs 200 names for a gather on two worker processes, then stops cleanly on SIGTERM', async () => {
    for (let i = 0; i < 2; i++) workers.push(spawnCli(['--config', config, 'worker']));
    await Promise.all(workers.map((worker) => worker.waitForStdout(/^waitless worker ready: queue "waitless"/m)));

    const names = await runCli(['--config', config, 'names', '--count', '200', '--mode', 'gather']);
    expect(names.stderr).toBe('');
    expect(names.stdout).toMatch(/^200 names in \d+ ms on distributed \(gather.*\); 200 ok, 0 failed$/m);
    expect(names.code).toBe(0);

    for (const worker of workers) worker.child.kill('SIGTERM');
    const stopped = await Promise.all(workers.map((worker) => worker.exited));
    expect(stopped.map((run) => run.code)).toEqual([0, 0]);
    // Warm-up and timed calls together; at-least-once may add a repeat, never lose one.
    const ok = stopped.map((run) => Number(/stopped after [\d.]+ s: (\d+) ok/.exec(run.stdout)?.[1]));
    expect(ok[0] + ok[1]).toBeGreaterThanOrEqual(200);
  });

  it('lets compare start its own local workers with --workers', async () => {
    const { code, stdout } = await runCli([
      '--config',
      config,
      'compare',
      '--strategies',
      'distributed',
      '--workers',
      '2',
      '--count',
      '20',
      '--json',
    ]);
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: { strategy: string; mode: string; ok: number }[] };
    // Without native-async registered, the sequential baseline runs on distributed too.
    expect(results.map(({ strategy, mode, ok }) => [strategy, mode, ok])).toEqual([
      ['distributed', 'sequential', 20],
      ['distributed', 'gather', 20],
    ]);
  });
});

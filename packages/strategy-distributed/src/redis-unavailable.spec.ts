import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWaitless, isWaitlessError } from '@waitless/core';
import { distributedOptionsSchema } from './distributed-options';
import { plugin } from './distributed-plugin';
import { DistributedStrategy } from './distributed-strategy';
import { startDistributedWorker } from './distributed-worker';
import { RedisUnavailableError } from './redis-unavailable-error';

describe('Redis that does not answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waitless-no-redis-'));
  const socket = join(dir, 'nobody-listens.sock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails a caller at once with RedisUnavailableError saying where it looked and what to change', async () => {
    const error = await DistributedStrategy.connect(distributedOptionsSchema.parse({ redis: socket })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(isWaitlessError(error) && error.kind).toBe('redis-unavailable');
    expect((error as Error).message).toBe(
      `Cannot reach Redis at ${socket} (ENOENT). Start Redis there, or set "redis" under ` +
        'strategies.distributed.options in waitless.config.json to where it listens.',
    );
  });

  it('fails a worker the same way, after checking its inner strategy exists', async () => {
    const runtime = createWaitless({
      inline: { plugins: [], strategies: { distributed: { options: { redis: socket, strategy: 'nope' } } } },
      env: {},
      strategyPlugins: [plugin],
    });
    await expect(startDistributedWorker(runtime)).rejects.toThrow('Unknown strategy "nope"');
    const noRedis = createWaitless({
      inline: { plugins: [], strategies: { distributed: { options: { redis: socket, strategy: 'distributed-echo' } } } },
      env: {},
      strategyPlugins: [
        plugin,
        {
          name: 'distributed-echo',
          description: 'unused',
          profile: 'concurrent',
          create: () => ({ name: 'x', fetch: () => Promise.reject(new Error('unused')) }),
        },
      ],
    });
    await expect(startDistributedWorker(noRedis)).rejects.toBeInstanceOf(RedisUnavailableError);
    await Promise.all([runtime.close(), noRedis.close()]);
  });
});

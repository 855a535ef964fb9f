import { ConfigError, validateOrThrow } from '@waitless/core/plugin';
import { distributedOptionsSchema } from './distributed-options';

const read = (options: Record<string, unknown>) =>
  validateOrThrow(distributedOptionsSchema, options, 'waitless.config.json', 'strategies.distributed.options');

describe('distributedOptionsSchema', () => {
  it('defaults to a local Redis, the undici-pool strategy and production-sized recovery settings', () => {
    expect(read({})).toMatchObject({
      redis: 'redis://127.0.0.1:6379',
      queue: 'waitless',
      prefix: 'waitless',
      strategy: 'undici-pool',
      concurrency: 100,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 1,
    });
    expect(read({ redis: '/run/redis/redis.sock', rateLimit: { max: 5 } })).toMatchObject({
      redis: '/run/redis/redis.sock',
      rateLimit: { max: 5, durationMs: 1000 },
    });
  });

  it('names the field and says what it takes', () => {
    expect(() => read({ redis: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => read({ redis: 'localhost:6379' })).toThrow(
      'Invalid config in waitless.config.json: "strategies.distributed.options.redis" must be a redis:// or rediss:// URL',
    );
    expect(() => read({ strategy: 'distributed' })).toThrow('a worker cannot forward to "distributed" itself');
    expect(() => read({ queue: 'a:b' })).toThrow('"strategies.distributed.options.queue" must be a name of letters');
    expect(() => read({ rateLimit: { max: 0 } })).toThrow('"strategies.distributed.options.rateLimit.max" must be an integer from 1');
    expect(() => read({ concurency: 5 })).toThrow('"strategies.distributed.options.concurency" is not a known field');
  });
});

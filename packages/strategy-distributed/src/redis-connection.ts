import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnavailableError } from './redis-unavailable-error';

/** Connection options for BullMQ and ioredis from the `redis` option: a URL, or a unix socket path. */
export function redisConnection(redis: string): BullRedisOptions & Pick<RedisOptions, 'path'> {
  if (redis.startsWith('unix://')) return { path: redis.slice('unix://'.length) };
  if (redis.startsWith('/')) return { path: redis };
  return { url: redis };
}

/** An ioredis client of our own (BullMQ makes its own): the cancel channel's publisher or subscriber. */
export function createRedisClient(redis: string, extra: RedisOptions = {}): Redis {
  const { url, path } = redisConnection(redis);
  const client = url ? new Redis(url, extra) : new Redis({ path, ...extra });
  // Reconnection is ioredis's job; without a listener a dropped connection would crash the process.
  client.on('error', () => undefined);
  return client;
}

/**
 * Connects once without retrying, so a wrong address fails within `timeoutMs` with a clear message
 * instead of BullMQ retrying forever in the background.
 */
export async function probeRedis(redis: string, timeoutMs: number): Promise<void> {
  const client = createRedisClient(redis, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
  });
  // `connect()` rejects with a generic "Connection is closed"; the socket's own error (ENOENT, ECONNREFUSED) comes as an event.
  let socketError: unknown;
  client.on('error', (error) => (socketError ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const cause = socketError ?? error;
    const code = (cause as { code?: unknown }).code;
    throw new RedisUnavailableError(redis, typeof code === 'string' ? code : (cause as Error).message, { cause });
  } finally {
    client.disconnect();
  }
}

import { WaitlessError } from '@waitless/core/plugin';

/**
 * Redis could not be reached when the distributed strategy or a worker started. Says where it looked and
 * what to do; the original connection error is the `cause`.
 */
export class RedisUnavailableError extends WaitlessError {
  override name = 'RedisUnavailableError' as const;
  override readonly kind = 'redis-unavailable' as const;

  constructor(
    readonly redis: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot reach Redis at ${redis} (${detail}). Start Redis there, or set "redis" under ` +
        'strategies.distributed.options in waitless.config.json to where it listens.',
      options,
    );
  }
}

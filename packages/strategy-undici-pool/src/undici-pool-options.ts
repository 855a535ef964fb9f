import { z } from 'zod';

const integerFrom = (min: number, max: number, fallback: number) => {
  const error = `must be an integer from ${min} to ${max} (default ${fallback})`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};

/** `strategies.undici-pool.options` in waitless.config.json. */
export const undiciPoolOptionsSchema = z
  .object({
    /** Sockets per origin; calls beyond it queue inside the pool. */
    connections: integerFrom(1, 1024, 128),
    /** Requests in flight per socket. 1: HTTP/1.1 pipelining stalls behind a slow response. */
    pipelining: integerFrom(1, 16, 1),
  })
  .strict();

/** Options of `UndiciPoolStrategy`, defaults applied. */
export type UndiciPoolOptions = z.output<typeof undiciPoolOptionsSchema>;

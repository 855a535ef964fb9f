import os from 'node:os';
import { z } from 'zod';
import { MAX_POOL_SIZE } from '@waitless/to-thread';

/**
 * `strategies.worker-threaded.options` in waitless.config.json. The pool defaults to at least 4
 * threads: they mostly wait on the network, so even a 2-core machine benefits from a few more.
 */
export const workerThreadedOptionsSchema = z
  .object({
    poolSize: z.number().int().min(1).max(MAX_POOL_SIZE).default(Math.max(4, os.availableParallelism())),
    idleTimeoutMs: z.number().int().min(0).default(30_000),
  })
  .strict();

/** Validated options of `WorkerThreadedStrategy`. */
export type WorkerThreadedOptions = z.input<typeof workerThreadedOptionsSchema>;

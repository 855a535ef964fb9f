import { distributedOptionsSchema } from '../src/distributed-options';
import { DistributedStrategy } from '../src/distributed-strategy';

/** A caller on the `distributed` options of a test config, unwrapped so a test can read `pendingCount()`. */
export function connectCaller(config: { strategies: { distributed: { options: Record<string, unknown> } } }): Promise<DistributedStrategy> {
  return DistributedStrategy.connect(distributedOptionsSchema.parse(config.strategies.distributed.options));
}

import type { FetchStrategy, StrategyDescriptor } from '@waitless/core';
import { pokemonUrl } from '@waitless/pokeapi';
import type { Runtime } from './runtime';

/**
 * Sends throw-away requests before a timed run so start-up (worker threads, connections) is not
 * timed: `parallel` at once for a concurrent strategy, so its pool grows to the size the run uses, and
 * one for a blocking strategy, whose calls could not overlap anyway. Against the embedded fixture
 * server the warm-up requests skip the configured latency.
 */
export async function warmUp(
  runtime: Runtime,
  strategy: FetchStrategy,
  descriptor: StrategyDescriptor,
  parallel: number,
  signal?: AbortSignal,
): Promise<number> {
  const requests = descriptor.profile === 'blocking' ? 1 : Math.max(1, parallel);
  const url = pokemonUrl(runtime.baseUrl, 1, runtime.fixture ? { latency: 0 } : undefined);
  await Promise.all(Array.from({ length: requests }, () => strategy.fetch({ url, signal })));
  return requests;
}

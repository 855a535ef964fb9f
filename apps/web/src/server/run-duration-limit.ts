import type { RunParams } from '../shared/run-events';
import { idealWallMs } from '../shared/run-summary';

/**
 * Why a run cannot finish within the server's limit on a run's duration, or undefined when it can: its shortest
 * possible time is the configured latency per request, one at a time on a blocking strategy, else per wave of
 * `concurrency` requests. Runs against a real target have no configured latency and are only stopped at the limit.
 */
export function exceedsRunLimit(params: RunParams, profile: 'blocking' | 'concurrent', maxRunMs: number): string | undefined {
  const sequential = profile === 'blocking' ? { ...params, mode: 'sequential' as const } : params;
  const shortest = idealWallMs(sequential);
  if (shortest <= maxRunMs) return undefined;
  const how =
    profile === 'blocking'
      ? `one at a time on ${params.strategy}`
      : `${sequential.mode === 'sequential' ? 1 : params.concurrency} at a time`;
  return (
    `Invalid "count": this run would take at least ${Math.round(shortest / 1000)} s ` +
    `(${params.count} requests × ${params.latencyMs} ms, ${how}), ` +
    `and the server stops runs after ${Math.round(maxRunMs / 1000)} s. Use fewer requests, less latency or more concurrency.`
  );
}

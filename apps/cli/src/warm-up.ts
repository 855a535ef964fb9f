import type { FetchStrategy, StrategyDescriptor } from '@waitless/core';
import { pokemonUrl } from '@waitless/pokeapi';
import type { Runtime } from './runtime';
import { formatSeconds } from './timing';

// Against the embedded fixture server each warm-up request waits this long, so a round's requests are in flight
// together and every pool thread gets one (its own start-up, and its request helper's, happen then).
const WARM_LATENCY_MS = 50;
// Rounds repeat while each is clearly faster than the one before (something was still starting), at most this often.
const MAX_WARM_ROUNDS = 6;
const CONVERGED = 0.8;

/**
 * Sends throw-away requests before a timed run so start-up (worker threads, connections) is not
 * timed: `parallel` at once for a concurrent strategy, so its pool grows to the size the run uses, and
 * one for a blocking strategy, whose calls could not overlap anyway. Against the embedded fixture server
 * it sends rounds until one is no faster than the one before: a thread pool starts threads in the first
 * round, but a thread that came up late may get its first call only in a later one. Resolves with the
 * number of requests sent.
 */
export async function warmUp(
  runtime: Runtime,
  strategy: FetchStrategy,
  descriptor: StrategyDescriptor,
  parallel: number,
  signal?: AbortSignal,
): Promise<number> {
  const requests = descriptor.profile === 'blocking' ? 1 : Math.max(1, parallel);
  const url = pokemonUrl(runtime.baseUrl, 1, runtime.fixture ? { latency: WARM_LATENCY_MS } : undefined);
  const rounds = runtime.fixture && requests > 1 ? MAX_WARM_ROUNDS : 1;
  let sent = 0;
  let previousMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await Promise.all(Array.from({ length: requests }, () => strategy.fetch({ url, signal })));
    sent += requests;
    const roundMs = performance.now() - started;
    if (roundMs > previousMs * CONVERGED) break;
    previousMs = roundMs;
  }
  return sent;
}

/** How long a warm-up took and how many requests it sent (0 when it failed). */
export interface StartUp {
  ms: number;
  requests: number;
}

/**
 * {@link warmUp}, timed, for a command that prints start-up apart from its run. A failed warm-up is not
 * thrown: the run that follows reports the same failure where it happens.
 */
export async function timeStartUp(
  runtime: Runtime,
  strategy: FetchStrategy,
  descriptor: StrategyDescriptor,
  parallel: number,
  signal?: AbortSignal,
): Promise<StartUp> {
  const started = performance.now();
  const requests = await warmUp(runtime, strategy, descriptor, parallel, signal).catch(() => 0);
  return { ms: performance.now() - started, requests };
}

/**
 * The line that reports start-up apart from the timed run: how long the warm-up took, or, with `--no-warm-up`
 * (`startUp` undefined), that the timings include it.
 */
export function startUpNote(startUp: StartUp | undefined): string {
  if (startUp === undefined) return 'cold start: the times above include thread-pool and connection start-up (--no-warm-up).';
  const took = `start-up took ${formatSeconds(startUp.ms)} (not counted)`;
  if (startUp.requests === 0) return `${took}: the warm-up failed; the run above reports why.`;
  return (
    `${took}: ${startUp.requests} warm-up request${startUp.requests === 1 ? '' : 's'} ` +
    'started worker threads and connections before the timer (--no-warm-up times them too).'
  );
}

import type { FetchStrategy } from '@waitless/core';
import { pokemonUrl } from '@waitless/pokeapi';
import { dispatchPerTurn } from './dispatch-per-turn';
import type { RunWorkerData } from './run-worker-data';

/** How many untimed requests warm a strategy up for `data`'s run: one for a blocking strategy, else as many as run at once. */
export function warmUpRequests(data: RunWorkerData, profile: 'blocking' | 'concurrent'): number {
  const { params } = data;
  if (profile === 'blocking' || params.mode === 'sequential') return 1;
  return Math.max(1, Math.min(params.count, params.concurrency));
}

// How long each request of the later warm-up rounds is held by the fixture server, so a round's requests
// overlap and each lands on a thread of its own.
const HOLD_MS = 50;
// Held rounds stop once one finishes in about one hold (every request had a ready thread), or after this many.
const MAX_HELD_ROUNDS = 4;

/**
 * Sends throw-away requests so that thread start-up and connection set-up happen before the timed part of a run:
 * `requests` at once at 0 ms latency (threads and sockets start), then, when more than one, rounds of `requests`
 * at once held briefly by the fixture server until a round overlaps fully, so every thread the run will use has
 * started and served a request (a pool thread starts its own request worker on its first call). Against the
 * fixture server the configured latency and errors are skipped. Resolves with how many were sent and failed; a
 * failed warm-up does not stop the run, whose own requests then show the failure.
 */
export async function warmUp(
  strategy: FetchStrategy,
  data: RunWorkerData,
  requests: number,
  signal: AbortSignal,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const round = async (latency: number): Promise<number> => {
    const started = performance.now();
    const url = pokemonUrl(data.baseUrl, 1, data.fixtureKnobs ? { latency } : undefined);
    // Through the same dispatcher as the timed run, so its code is warm too (a fresh thread's first run is otherwise slower).
    sent += await dispatchPerTurn(
      requests,
      () =>
        strategy.fetch({ url, signal }).catch((error: unknown) => {
          failed++;
          throw error;
        }),
      { concurrency: requests, signal },
    );
    return performance.now() - started;
  };
  await round(0);
  if (requests === 1 || !data.fixtureKnobs) return { sent, failed };
  for (let i = 0; i < MAX_HELD_ROUNDS && !signal.aborted; i++) {
    if ((await round(HOLD_MS)) < 2 * HOLD_MS) break;
  }
  return { sent, failed };
}

import { gather } from '@waitless/concurrency';
import type { FanOutVia } from '../scenario-protocol';
import type { BenchClient } from './bench-client';
import { pokemonUrl } from '@waitless/pokeapi';

/**
 * Runs `count` GETs of `url` all at once, by default the way each kind of client would be used: Waitless
 * strategies through `gather` (concurrency = count), peers through `Promise.all`. `via` overrides it, so
 * a peer can be paced exactly like a strategy. Peers never get gather's signal: they are measured bare,
 * and one signal shared by 1,000 fetch calls costs undici a copy of its listener list per call.
 */
export async function fanOut(
  client: BenchClient,
  count: number,
  url: string,
  via: FanOutVia = client.isStrategy ? 'gather' : 'Promise.all',
): Promise<void> {
  if (via === 'gather') {
    await gather(
      Array.from({ length: count }, () => (signal: AbortSignal) => client.get(url, client.isStrategy ? signal : undefined)),
      { concurrency: count },
    );
  } else {
    await Promise.all(Array.from({ length: count }, () => client.get(url)));
  }
}

/** Runs `count` GETs of `url` one after another. */
export async function sequentially(client: BenchClient, count: number, url: string): Promise<void> {
  for (let i = 0; i < count; i++) await client.get(url);
}

/** The fixture's Pikachu, with the server's latency knob when `latencyMs` > 0. */
export function pikachuUrl(baseUrl: string, latencyMs = 0): string {
  return pokemonUrl(baseUrl, 25, latencyMs > 0 ? { latency: latencyMs } : undefined);
}

import type { FetchStrategy } from '@waitless/core';
import { POKEAPI_BASE_URL, POKEMON_COUNT, type PokemonResource } from './pokemon-api';

/** Where to ask and how to stop asking. */
export interface PokemonLookupOptions {
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * The seed's function, written once against `FetchStrategy`: the same code runs on every strategy.
 * @example await getPokemonName(25, factory.create('native-async'), { baseUrl: fixture.url }) // 'pikachu'
 */
export async function getPokemonName(id: number, strategy: FetchStrategy, options: PokemonLookupOptions = {}): Promise<string> {
  const baseUrl = (options.baseUrl ?? POKEAPI_BASE_URL).replace(/\/+$/, '');
  const result = await strategy.fetch<PokemonResource>({ url: `${baseUrl}/api/v2/pokemon/${id}`, signal: options.signal });
  return result.body.name;
}

/** A random Pokémon's name, ids 1..`maxId`. */
export function getRandomPokemonName(strategy: FetchStrategy, options: PokemonLookupOptions & { maxId?: number; random?: () => number } = {}): Promise<string> {
  const maxId = options.maxId ?? POKEMON_COUNT;
  const random = options.random ?? Math.random;
  return getPokemonName(1 + Math.floor(random() * maxId), strategy, options);
}

import type { FetchStrategy } from '@waitless/core/plugin';
import { POKEAPI_BASE_URL, POKEMON_COUNT, pokemonUrl } from './pokemon-api';
import { readPokemonResource } from './read-pokemon-resource';

/** Where to ask and how to stop asking. */
export interface PokemonLookupOptions {
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * The seed's function, written once against `FetchStrategy`: the same code runs on every strategy. An
 * answer without a usable name rejects with `ResponseBodyError`.
 * @example await getPokemonName(25, factory.create('native-async'), { baseUrl: fixture.url }) // 'pikachu'
 */
export async function getPokemonName(
  idOrName: number | string,
  strategy: FetchStrategy,
  options: PokemonLookupOptions = {},
): Promise<string> {
  const result = await strategy.fetch({ url: pokemonUrl(options.baseUrl ?? POKEAPI_BASE_URL, idOrName), signal: options.signal });
  return readPokemonResource(result).name;
}

/** A random Pokémon's name, ids 1..`maxId`. */
export function getRandomPokemonName(
  strategy: FetchStrategy,
  options: PokemonLookupOptions & { maxId?: number; random?: () => number } = {},
): Promise<string> {
  const maxId = options.maxId ?? POKEMON_COUNT;
  const random = options.random ?? Math.random;
  return getPokemonName(1 + Math.floor(random() * maxId), strategy, options);
}

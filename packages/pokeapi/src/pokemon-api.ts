import { normalizeBaseUrl } from '@waitless/core';

/** The public PokeAPI. Tests and demos pass the embedded fixture server's URL instead. */
export const POKEAPI_BASE_URL = 'https://pokeapi.co';

/** How many Pokémon PokeAPI (and the fixture server) know by national id. */
export const POKEMON_COUNT = 1025;

/** The part of PokeAPI's `/api/v2/pokemon/:id` answer this package reads. */
export interface PokemonResource {
  id: number;
  name: string;
}

/**
 * The URL of `/api/v2/pokemon/:idOrName` on `baseUrl` (trailing slashes ignored), with optional query
 * parameters such as the fixture server's `latency` knob.
 * @example pokemonUrl('http://127.0.0.1:8080/', 25, { latency: 100 }) // 'http://127.0.0.1:8080/api/v2/pokemon/25?latency=100'
 */
export function pokemonUrl(baseUrl: string, idOrName: number | string, query?: Record<string, string | number>): string {
  const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}` : '';
  return `${normalizeBaseUrl(baseUrl)}/api/v2/pokemon/${encodeURIComponent(String(idOrName))}${search}`;
}

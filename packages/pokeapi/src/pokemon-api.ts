/** The public PokeAPI. Tests and demos pass the embedded fixture server's URL instead. */
export const POKEAPI_BASE_URL = 'https://pokeapi.co';

/** How many Pokémon PokeAPI (and the fixture server) know by national id. */
export const POKEMON_COUNT = 1025;

/** The part of PokeAPI's `/api/v2/pokemon/:id` answer this package reads. */
export interface PokemonResource {
  id: number;
  name: string;
}

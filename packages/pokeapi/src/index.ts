export { POKEAPI_BASE_URL, POKEMON_COUNT, pokemonUrl, type PokemonResource } from './pokemon-api';
export { getPokemonName, getRandomPokemonName, type PokemonLookupOptions } from './get-pokemon-name';
export { readPokemonResource } from './read-pokemon-resource';
export { pokemonNameStep, pokemonDetailStep, pokemonSteps } from './pokemon-pipeline-steps';

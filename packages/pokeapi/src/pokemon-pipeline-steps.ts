import type { FetchStrategy, PipelineStep, StepContext } from '@waitless/core/plugin';
import { getPokemonName } from './get-pokemon-name';
import { readPokemonResource } from './read-pokemon-resource';
import { POKEAPI_BASE_URL, pokemonUrl, type PokemonResource } from './pokemon-api';

// The id comes from `args.id` when the node sets one, else from the step's input (a number, a name, or
// an object with `id` or `name`), so the step works both after a list step and with fixed ids.
function idFrom(input: unknown, ctx: StepContext, step: string): string | number {
  const candidate = ctx.args['id'] ?? input;
  if (typeof candidate === 'number' || (typeof candidate === 'string' && candidate !== '')) return candidate;
  if (candidate !== null && typeof candidate === 'object') {
    const { id, name } = candidate as { id?: unknown; name?: unknown };
    if (typeof id === 'number' || typeof id === 'string') return id;
    if (typeof name === 'string') return name;
  }
  throw new Error(`Step "${step}" needs a Pokémon id or name: set args.id (e.g. { "id": "{input.results.0.name}" }) or pass one as input.`);
}

async function fetchPokemon(idOrName: string | number, strategy: FetchStrategy, ctx: StepContext): Promise<PokemonResource> {
  const result = await strategy.fetch({ url: pokemonUrl(ctx.baseUrl ?? POKEAPI_BASE_URL, idOrName), signal: ctx.signal });
  return readPokemonResource(result);
}

/** Pipeline step `pokemon.name`: a Pokémon's name from its id (`args.id` or the input). */
export const pokemonNameStep: PipelineStep = {
  name: 'pokemon.name',
  run: (input, ctx) => getPokemonName(idFrom(input, ctx, 'pokemon.name'), ctx.strategy, ctx),
};

/** Pipeline step `pokemon.detail`: the `/api/v2/pokemon/:idOrName` resource (`args.id` or the input). */
export const pokemonDetailStep: PipelineStep = {
  name: 'pokemon.detail',
  run: (input, ctx) => fetchPokemon(idFrom(input, ctx, 'pokemon.detail'), ctx.strategy, ctx),
};

/**
 * The Pokémon pipeline steps, to register so pipelines can name them.
 * @example createWaitless({ steps: pokemonSteps }).pipelineSteps()
 */
export const pokemonSteps: readonly PipelineStep[] = [pokemonNameStep, pokemonDetailStep];

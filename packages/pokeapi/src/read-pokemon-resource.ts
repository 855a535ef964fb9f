import { ResponseBodyError, type FetchResult } from '@waitless/core/plugin';
import type { PokemonResource } from './pokemon-api';

/**
 * The Pokémon in a successful answer, checked: an object with a numeric `id` and a non-empty `name`.
 * Anything else (an empty 200, `{}`, a text body) is `ResponseBodyError`, so a success always carries a
 * usable result and a broken server counts as failed.
 * @example const { name } = readPokemonResource(await strategy.fetch({ url }));
 */
export function readPokemonResource(result: FetchResult<unknown>, method = 'GET'): PokemonResource {
  const body = result.body as Partial<PokemonResource> | null;
  if (typeof body !== 'object' || body === null) {
    throw new ResponseBodyError(method, result.url, `expected a Pokémon as a JSON object, got ${describe(result.body)}`);
  }
  if (typeof body.name !== 'string' || body.name === '' || typeof body.id !== 'number') {
    throw new ResponseBodyError(method, result.url, 'expected a Pokémon with a numeric "id" and a non-empty "name"');
  }
  return body as PokemonResource;
}

function describe(body: unknown): string {
  if (body === '') return 'an empty body';
  return typeof body === 'string' ? 'text' : String(body);
}

import pokemon from 'pokemon';
import { DEFAULT_FORM_NAMES } from './default-form-names';
import { toPokeApiName } from './to-pokeapi-name';

/** Number of Pokémon the fixture serves (ids 1..POKEMON_COUNT), as `count` in the list route. */
export const POKEMON_COUNT = 1025;

const TYPE_NAMES = [
  'normal',
  'fire',
  'water',
  'grass',
  'electric',
  'ice',
  'fighting',
  'poison',
  'ground',
  'flying',
  'psychic',
  'bug',
  'rock',
  'ghost',
  'dragon',
  'dark',
  'steel',
  'fairy',
] as const;

/** The PokeAPI `pokemon` resource subset the fixture returns. */
export interface PokemonResource {
  id: number;
  name: string;
  height: number;
  weight: number;
  base_experience: number;
  types: Array<{ slot: number; type: { name: string } }>;
}

/**
 * Names, lookups and cached JSON bodies for the 1025 Pokémon of the `pokemon` package, named as the real
 * PokeAPI names them (default forms such as `deoxys-normal`, see {@link DEFAULT_FORM_NAMES}). Bodies are
 * built on first use and kept, so hot benchmark loops only copy a cached Buffer.
 */
export class PokemonCatalog {
  private readonly names: readonly string[];
  private readonly idByName = new Map<string, number>();
  private readonly bodies = new Map<number, Buffer>();

  constructor() {
    this.names = pokemon
      .all()
      .slice(0, POKEMON_COUNT)
      .map((displayName, index) => DEFAULT_FORM_NAMES[index + 1] ?? toPokeApiName(displayName));
    this.names.forEach((name, index) => this.idByName.set(name, index + 1));
  }

  /** PokeAPI-style name of id `id` (1-based), e.g. `nameOf(1) === 'bulbasaur'`. */
  nameOf(id: number): string {
    return this.names[id - 1];
  }

  /**
   * Resolves `"25"` or `"pikachu"` to an id, or `undefined` when unknown. Names match exactly, as on
   * PokeAPI: `"Pikachu"` and the species name `"deoxys"` (the resource is `deoxys-normal`) are unknown.
   */
  resolve(idOrName: string): number | undefined {
    if (/^\d+$/.test(idOrName)) {
      const id = Number(idOrName);
      return id >= 1 && id <= POKEMON_COUNT ? id : undefined;
    }
    return this.idByName.get(idOrName);
  }

  /** The resource for `id`: the real name; types, height, weight and base experience are invented but stable, derived from the id alone. */
  resource(id: number): PokemonResource {
    const first = (id * 7) % TYPE_NAMES.length;
    const types = [{ slot: 1, type: { name: TYPE_NAMES[first] } }];
    if (id % 3 === 0) {
      const second = (first + 1 + ((id * 11) % (TYPE_NAMES.length - 1))) % TYPE_NAMES.length;
      types.push({ slot: 2, type: { name: TYPE_NAMES[second] } });
    }
    return {
      id,
      name: this.nameOf(id),
      height: 3 + ((id * 37) % 120),
      weight: 20 + ((id * 131) % 4000),
      base_experience: 40 + ((id * 53) % 300),
      types,
    };
  }

  /** The UTF-8 JSON body for `id`, built once and cached. */
  body(id: number): Buffer {
    let body = this.bodies.get(id);
    if (!body) {
      body = Buffer.from(JSON.stringify(this.resource(id)));
      this.bodies.set(id, body);
    }
    return body;
  }
}

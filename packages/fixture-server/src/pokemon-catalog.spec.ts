import { DEFAULT_FORM_NAMES } from './default-form-names';
import { POKEMON_COUNT, PokemonCatalog } from './pokemon-catalog';

describe('PokemonCatalog', () => {
  const catalog = new PokemonCatalog();
  const names = Array.from({ length: POKEMON_COUNT }, (_, i) => catalog.nameOf(i + 1));

  it('gives every id a distinct lower-case PokeAPI name that resolves back to it', () => {
    expect(new Set(names).size).toBe(POKEMON_COUNT);
    names.forEach((name, i) => {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(catalog.resolve(name)).toBe(i + 1);
    });
  });

  it('uses every listed default form name, each within the served ids', () => {
    for (const [id, name] of Object.entries(DEFAULT_FORM_NAMES)) {
      expect(Number(id)).toBeLessThanOrEqual(POKEMON_COUNT);
      expect(catalog.nameOf(Number(id))).toBe(name);
    }
  });

  it('matches names exactly, without folding case', () => {
    expect(catalog.resolve('pikachu')).toBe(25);
    expect(catalog.resolve('Pikachu')).toBeUndefined();
    expect(catalog.resolve('giratina')).toBeUndefined();
  });
});

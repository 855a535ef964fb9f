import pokemon from 'pokemon';
import { toPokeApiName } from './to-pokeapi-name';

describe('toPokeApiName', () => {
  it.each([
    ['Bulbasaur', 'bulbasaur'],
    ['Mr. Mime', 'mr-mime'],
    ["Farfetch'd", 'farfetchd'],
    ['Flabébé', 'flabebe'],
    ['Type: Null', 'type-null'],
    ['Nidoran♀', 'nidoran-f'],
    ['Iron Valiant', 'iron-valiant'],
  ])('%s → %s', (input, expected) => {
    expect(toPokeApiName(input)).toBe(expected);
  });

  it('gives every one of the 1025 names a distinct [a-z0-9-] slug', () => {
    const slugs = pokemon.all().map(toPokeApiName);
    expect(slugs).toHaveLength(1025);
    expect(new Set(slugs).size).toBe(1025);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});

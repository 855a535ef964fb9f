import { createWaitless, HttpError, isResponseBodyError, type WaitlessRuntime } from '@waitless/core';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';
import { getPokemonName, getRandomPokemonName } from './get-pokemon-name';

// The strategies are loaded the way users load them, by package name from config, so this
// domain package (core layer) names no plugin in its imports.
const plugins = ['@waitless/strategy-native-async', '@waitless/strategy-worker-threaded', '@waitless/strategy-blocking-sync'];

describe('getPokemonName on every strategy', () => {
  let server: FixtureServerThread;
  let waitless: WaitlessRuntime;

  beforeAll(async () => {
    server = await startFixtureServerThread();
    waitless = createWaitless({ inline: { plugins, strategies: { 'worker-threaded': { options: { poolSize: 2 } } } }, env: {} });
  });

  afterAll(async () => {
    await waitless.close();
    await server.close();
  });

  it.each(plugins.map((p) => p.replace('@waitless/strategy-', '')))('%s runs the same function unchanged', async (name) => {
    const strategy = waitless.strategy(name);
    expect(await getPokemonName(25, strategy, { baseUrl: server.url })).toBe('pikachu');
    expect(await getPokemonName(1, strategy, { baseUrl: `${server.url}/` })).toBe('bulbasaur');
    await expect(getPokemonName(5000, strategy, { baseUrl: server.url })).rejects.toBeInstanceOf(HttpError);
  });

  it('rejects an empty or nameless 200 with ResponseBodyError instead of returning undefined', async () => {
    const strategy = waitless.strategy('native-async');
    await server.setDefaults({ emptyBodyRate: 1 });
    const empty = await getPokemonName(25, strategy, { baseUrl: server.url })
      .catch((e: unknown) => e)
      .finally(() => server.setDefaults({ emptyBodyRate: 0 }));
    expect(isResponseBodyError(empty) && empty.detail).toBe('expected a Pokémon as a JSON object, got an empty body');
    // `/echo` answers 200 with an object that has no Pokémon in it.
    const nameless = await getPokemonName('x', strategy, { baseUrl: `${server.url}/echo?` }).catch((e: unknown) => e);
    expect(isResponseBodyError(nameless) && nameless.message).toMatch(/Unusable response body: GET .*non-empty "name"/);
  });

  it('picks ids from 1 to maxId', async () => {
    const strategy = waitless.strategy('native-async');
    expect(await getRandomPokemonName(strategy, { baseUrl: server.url, maxId: 3, random: () => 0 })).toBe('bulbasaur');
    expect(await getRandomPokemonName(strategy, { baseUrl: server.url, maxId: 3, random: () => 0.999 })).toBe('venusaur');
  });
});

import { createWaitless, HttpError, type WaitlessRuntime } from '@waitless/core';
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

  it('picks ids from 1 to maxId', async () => {
    const strategy = waitless.strategy('native-async');
    expect(await getRandomPokemonName(strategy, { baseUrl: server.url, maxId: 3, random: () => 0 })).toBe('bulbasaur');
    expect(await getRandomPokemonName(strategy, { baseUrl: server.url, maxId: 3, random: () => 0.999 })).toBe('venusaur');
  });
});

import { createWaitless, type WaitlessRuntime } from '@waitless/core';
import { pipeline, runPipeline } from '@waitless/concurrency';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { pokemonSteps } from './pokemon-pipeline-steps';

describe('pokemon pipeline steps', () => {
  let server: FixtureServer;
  let waitless: WaitlessRuntime;

  beforeAll(async () => {
    server = await startFixtureServer();
    // The strategy plugin is loaded by name, as an app does: type:core code may not import a plugin.
    waitless = createWaitless({ env: {}, steps: pokemonSteps, inline: { plugins: ['@waitless/strategy-native-async'] } });
  });
  afterAll(async () => {
    await waitless.close();
    await server.close();
  });

  it('are registered with the runtime and run in a pipeline: list, then details of each entry concurrently', async () => {
    const steps = waitless.pipelineSteps();
    expect(steps.map((s) => s.name)).toEqual(['pokemon.name', 'pokemon.detail']);
    const spec = pipeline.sequence([
      pipeline.request({ url: '{baseUrl}/api/v2/pokemon?limit=2&offset={input}' }),
      pipeline.concurrent([0, 1].map((i) => pipeline.step('pokemon.detail', { id: `{input.results.${i}.name}` }))),
      pipeline.concurrent([pipeline.step('pokemon.name', { id: '{input.0.id}' }), pipeline.step('pokemon.name', { id: 25 })]),
    ]);
    const result = await runPipeline(spec, { strategy: waitless.strategy(), steps, baseUrl: server.url, input: 3 });
    expect(result.status).toBe('ok');
    expect(result.children?.[1].output).toEqual([
      expect.objectContaining({ id: 4, name: 'charmander' }),
      expect.objectContaining({ id: 5, name: 'charmeleon' }),
    ]);
    expect(result.output).toEqual(['charmander', 'pikachu']);
  });

  it('explain a missing id', async () => {
    const steps = waitless.pipelineSteps();
    const result = await runPipeline(pipeline.step('pokemon.detail'), { strategy: waitless.strategy(), steps, baseUrl: server.url });
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/needs a Pokémon id or name: set args.id/) });
  });
});

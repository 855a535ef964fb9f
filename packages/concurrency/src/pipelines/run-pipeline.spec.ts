import { join } from 'node:path';
import { clientAborts, useFixtureAndStrategy } from '../../test/waitless-for-tests';
import { loadPipeline } from './load-pipeline';
import { pipeline } from './pipeline-node';
import type { PipelineStep } from '@waitless/core';
import { runPipeline } from './run-pipeline';

describe('runPipeline', () => {
  const env = useFixtureAndStrategy();
  const nameStep: PipelineStep = {
    name: 'test.name',
    async run(input, ctx) {
      const id = ctx.args['id'] ?? input;
      const result = await ctx.strategy.fetch<{ name: string }>({ url: `${ctx.baseUrl}/api/v2/pokemon/${String(id)}`, signal: ctx.signal });
      return result.body.name;
    },
  };

  it('runs the shipped example pipeline on the fixture env.server', async () => {
    const spec = loadPipeline(join(__dirname, '..', '..', 'examples', 'pokemon-pipeline.json'));
    const result = await runPipeline(spec, { strategy: env.strategy, baseUrl: env.server.url, input: 0, deadlineMs: 10_000 });
    expect(result.status).toBe('ok');
    expect(result.output).toEqual(['bulbasaur', 'ivysaur', 'venusaur']);
    expect(result.children?.map((c) => [c.label, c.status])).toEqual([
      ['list', 'ok'],
      ['details', 'ok'],
      ['summary', 'ok'],
    ]);
    const details = result.children?.[1];
    expect(details?.path).toBe('$.steps[1]');
    expect(details?.children?.map((c) => c.path)).toEqual(['$.steps[1].steps[0]', '$.steps[1].steps[1]', '$.steps[1].steps[2]']);
    for (const node of [result, ...(result.children ?? [])]) expect(node.endedAt).toBeGreaterThanOrEqual(node.startedAt ?? Infinity);
    expect(env.server.stats().total).toBe(4);
  });

  it('feeds outputs forward in a sequence and gives concurrent children the same input', async () => {
    const spec = pipeline.sequence([
      pipeline.step('test.name', { id: '{input.first}' }),
      pipeline.concurrent([pipeline.request({ url: '{baseUrl}/api/v2/pokemon/{input}' }), pipeline.step('test.name')], { concurrency: 2 }),
    ]);
    const result = await runPipeline(spec, { strategy: env.strategy, steps: [nameStep], baseUrl: env.server.url, input: { first: 25 } });
    expect(result.status).toBe('ok');
    expect(result.output).toEqual([expect.objectContaining({ id: 25, name: 'pikachu' }), 'pikachu']);
  });

  it('cancels every running step at the deadline and skips the rest', async () => {
    const aborted = clientAborts(env.server.events, 2);
    const slow = (id: number) => pipeline.request({ url: `{baseUrl}/api/v2/pokemon/${id}?latency=5000` });
    const spec = pipeline.sequence([pipeline.concurrent([slow(1), slow(2)]), pipeline.request({ url: '{baseUrl}/text' })]);
    const started = Date.now();
    const result = await runPipeline(spec, { strategy: env.strategy, baseUrl: env.server.url, deadlineMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.status).toBe('cancelled');
    expect(result.error).toMatch(/Pipeline deadline of 300 ms exceeded/);
    expect(result.children?.map((c) => c.status)).toEqual(['cancelled', 'skipped']);
    expect(result.children?.[0].children?.map((c) => c.status)).toEqual(['cancelled', 'cancelled']);
    await aborted;
    expect(env.server.stats()).toMatchObject({ total: 2, clientAborted: 2 });
  });

  it('a failing concurrent child cancels its siblings and fails the run with its path', async () => {
    const aborted = clientAborts(env.server.events, 1);
    const failAfterSiblingArrives: PipelineStep = {
      name: 'test.fail',
      async run(_input, ctx) {
        await env.server.waitForRequests(1, { signal: ctx.signal });
        throw new Error('boom');
      },
    };
    const spec = pipeline.concurrent(
      [pipeline.request({ url: '{baseUrl}/text?latency=5000' }), pipeline.step('test.fail'), pipeline.request({ url: '{baseUrl}/text' })],
      {
        concurrency: 2,
      },
    );
    const result = await runPipeline(spec, { strategy: env.strategy, steps: [failAfterSiblingArrives], baseUrl: env.server.url });
    expect(result.status).toBe('failed');
    expect(result.error).toBe('$.steps[1]: boom');
    expect(result.children?.map((c) => c.status)).toEqual(['cancelled', 'failed', 'skipped']);
    await aborted;
    expect(env.server.stats().total).toBe(1);
  });

  it('aborts with the caller signal, and reports a template error as the failing node', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const cancelled = await runPipeline(pipeline.request({ url: '{baseUrl}/text' }), {
      strategy: env.strategy,
      baseUrl: env.server.url,
      signal: controller.signal,
    });
    expect(cancelled.status).toBe('skipped');
    const missing = await runPipeline(pipeline.request({ url: '{baseUrl}/api/v2/pokemon/{input.id}' }), {
      strategy: env.strategy,
      baseUrl: env.server.url,
      input: { name: 'x' },
    });
    expect(missing).toMatchObject({ status: 'failed', error: '{input.id}: input has no field "id" (it has: name).' });
    expect(env.server.stats().total).toBe(0);
  });
});

import { HttpError } from '@waitless/core';
import { clientAborts, useFixtureAndStrategy } from '../../test/waitless-for-tests';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { gather } from './gather';

describe('gather', () => {
  const env = useFixtureAndStrategy();
  const get = (query: string) => (signal: AbortSignal) =>
    env.strategy.fetch<{ name: string }>({ url: `${env.server.url}/api/v2/pokemon/1?${query}`, signal });

  it('fail-fast rejects with the first error, aborts the running sibling and never starts the rest', async () => {
    const aborted = clientAborts(env.server.events, 1);
    // The failing task waits until the slow one has reached the env.server, so the sibling is really in flight.
    const failAfterFirstArrives = async (signal: AbortSignal) => {
      await env.server.waitForRequests(1, { signal });
      return get('status=500')(signal);
    };
    const tasks = [get('latency=5000'), failAfterFirstArrives, ...Array.from({ length: 8 }, () => get('latency=10'))];
    const error = await gather(tasks, { concurrency: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    await aborted;
    const stats = env.server.stats();
    expect(stats.total).toBe(2);
    expect(stats.clientAborted).toBe(1);
    expect(stats.inFlight).toBe(0);
  });

  it('settled returns one outcome per task, in input order', async () => {
    const results = await gather([get('latency=60'), get('status=503'), get('latency=5'), get('status=404')], {
      concurrency: 3,
      mode: 'settled',
    });
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as HttpError).status : r.value.body.name))).toEqual([
      'bulbasaur',
      503,
      'bulbasaur',
      404,
    ]);
    expect(env.server.stats().total).toBe(4);
  });

  it('returns values in input order, however they finish', async () => {
    const ids = [5, 1, 3];
    const names = await gather(
      ids.map(
        (id) => async (signal: AbortSignal) =>
          (await env.strategy.fetch<{ name: string }>({ url: `${env.server.url}/api/v2/pokemon/${id}?latency=${id * 20}`, signal })).body
            .name,
      ),
      { concurrency: Infinity },
    );
    expect(names).toEqual(['charmeleon', 'bulbasaur', 'venusaur']);
  });

  it('runs everything at once with concurrency Infinity, and never more than the limit otherwise', async () => {
    // Requests that only end when aborted: all 12 arriving proves they were in flight together, however slow the machine.
    const controller = new AbortController();
    const aborted = clientAborts(env.server.events, 12);
    const unbounded = gather(
      Array.from({ length: 12 }, () => get('latency=60000')),
      { concurrency: Infinity, signal: controller.signal },
    );
    await env.server.waitForRequests(12);
    expect(env.server.stats().inFlight).toBe(12);
    controller.abort(new Error('done'));
    await expect(unbounded).rejects.toThrow('done');
    await aborted;
    env.server.resetStats();
    // 300 ms each leaves the first four ample time to overlap even on a loaded machine; the bound itself never depends on timing.
    await gather(
      Array.from({ length: 12 }, () => get('latency=300')),
      { concurrency: 4 },
    );
    expect(env.server.stats()).toMatchObject({ total: 12, maxInFlight: 4 });
  });

  it('stops everything when the caller aborts, rejecting with the reason', async () => {
    const controller = new AbortController();
    const aborted = clientAborts(env.server.events, 2);
    const run = gather(
      Array.from({ length: 6 }, () => get('latency=5000')),
      { concurrency: 2, signal: controller.signal },
    );
    await env.server.waitForRequests(2);
    controller.abort(new Error('user pressed Ctrl-C'));
    await expect(run).rejects.toThrow('user pressed Ctrl-C');
    await aborted;
    expect(env.server.stats()).toMatchObject({ total: 2, clientAborted: 2 });
  });

  it('validates options with a message naming the option', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(gather([], { concurrency })).rejects.toThrow(InvalidOptionError);
    }
    await expect(gather([], { concurrency: 0 })).rejects.toThrow(
      'Invalid option "gather.concurrency": got 0; expected an integer ≥ 1, or Infinity for no limit.',
    );
    await expect(gather([], { mode: 'fast' as 'settled' })).rejects.toThrow(
      'Invalid option "gather.mode": got "fast"; expected "fail-fast" or "settled".',
    );
  });

  it('turns a task that throws synchronously into a rejection', async () => {
    const boom = (): Promise<number> => {
      throw new Error('sync boom');
    };
    await expect(gather([boom])).rejects.toThrow('sync boom');
    expect(await gather([boom], { mode: 'settled' })).toEqual([{ status: 'rejected', reason: new Error('sync boom') }]);
  });
});

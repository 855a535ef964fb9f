import { serverIdle, useFixtureAndStrategy } from '../../test/waitless-for-tests';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { collect } from './collect';
import { mapStream } from './map-stream';
import { sequence } from './sequence';

describe('mapStream', () => {
  const env = useFixtureAndStrategy();
  const nameOf = (latency: number) => async (id: number, signal: AbortSignal) =>
    (await env.strategy.fetch<{ name: string }>({ url: `${env.server.url}/api/v2/pokemon/${id}?latency=${latency}`, signal })).body.name;

  it('keeps exactly `concurrency` requests in flight under load, and yields in input order', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => i + 1);
    const names = await collect(mapStream(ids, nameOf(25), { concurrency: 6 }));
    expect(names).toHaveLength(60);
    expect(names.slice(0, 3)).toEqual(['bulbasaur', 'ivysaur', 'venusaur']);
    const stats = env.server.stats();
    expect(stats.total).toBe(60);
    expect(stats.maxInFlight).toBe(6);
  });

  it('pulls lazily from an infinite generator: take N, stop, and the source is closed', async () => {
    let pulled = 0;
    let closed = false;
    function* ids(): Generator<number> {
      try {
        for (let id = 1; ; id++) {
          pulled++;
          yield ((id - 1) % 1025) + 1;
        }
      } finally {
        closed = true;
      }
    }
    const taken: string[] = [];
    for await (const name of mapStream(ids(), nameOf(5), { concurrency: 4 })) {
      taken.push(name);
      if (taken.length === 10) break;
    }
    expect(taken).toHaveLength(10);
    expect(closed).toBe(true);
    // At most `concurrency` in flight plus `concurrency` finished-but-unconsumed beyond what was taken.
    expect(pulled).toBeLessThanOrEqual(10 + 2 * 4);
    await serverIdle(env.server);
    expect(env.server.stats().total).toBeLessThanOrEqual(pulled);
  });

  it('applies backpressure: a consumer that stops pulling stops the source too', async () => {
    let pulled = 0;
    async function* numbers(): AsyncGenerator<number> {
      for (let i = 0; ; i++) {
        pulled++;
        yield i;
      }
    }
    const stream = mapStream(numbers(), async (n) => n * 2, { concurrency: 3 });
    expect(await stream.next()).toEqual({ value: 0, done: false });
    // Let every pending callback run; nothing consumes, so the pool must go idle, not pull on.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeLessThanOrEqual(1 + 2 * 3);
    await stream.return();
  });

  it('yields in completion order with ordered: false', async () => {
    const latency = (id: number) => [300, 10, 150][id - 1];
    const ids = await collect(
      mapStream(
        [1, 2, 3],
        async (id, signal) =>
          (await env.strategy.fetch<{ id: number }>({ url: `${env.server.url}/api/v2/pokemon/${id}?latency=${latency(id)}`, signal })).body
            .id,
        {
          concurrency: 3,
          ordered: false,
        },
      ),
    );
    expect(ids).toEqual([2, 3, 1]);
  });

  it('throws the first error and aborts the other calls', async () => {
    const run = collect(
      mapStream(
        [1, 2, 3, 4, 5, 6],
        async (id, signal) =>
          env.strategy.fetch({
            url: `${env.server.url}/api/v2/pokemon/${id}?latency=${id === 2 ? 20 : 3000}${id === 2 ? '&status=500' : ''}`,
            signal,
          }),
        { concurrency: 3 },
      ),
    );
    await expect(run).rejects.toThrow(/status 500/);
    expect(env.server.stats().total).toBe(3);
  });

  it('validates concurrency', async () => {
    await expect(collect(mapStream([1], async (x) => x, { concurrency: 0 }))).rejects.toThrow(InvalidOptionError);
  });
});

describe('sequence', () => {
  it('calls one at a time, in order', async () => {
    let running = 0;
    let maxRunning = 0;
    const out = await collect(
      sequence([1, 2, 3], async (n) => {
        maxRunning = Math.max(maxRunning, ++running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return n * 10;
      }),
    );
    expect(out).toEqual([10, 20, 30]);
    expect(maxRunning).toBe(1);
  });
});

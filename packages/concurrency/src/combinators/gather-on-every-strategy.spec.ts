import { HttpError, type WaitlessRuntime } from '@waitless/core';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { pluginReady, waitlessWith, type StrategyName } from '../../test/waitless-for-tests';
import { gather } from './gather';

// The same gather semantics on every strategy. The server runs in a child process, because
// blocking-sync blocks this thread on purpose and an in-process server could then never answer.
const strategies: StrategyName[] = ['native-async', 'blocking-sync', 'worker-threaded'];

describe.each(strategies)('gather on %s', (name) => {
  if (!pluginReady(name)) {
    it.todo(`runs once ${name}'s plugin package exists (its src/index.ts does not resolve yet)`);
    return;
  }
  let server: FixtureServerProcess;
  let waitless: WaitlessRuntime;

  beforeAll(async () => {
    server = await startFixtureServerProcess();
    waitless = waitlessWith({}, name);
    // Warm up (worker threads start, sockets open) so the timing-based ordering below holds.
    await waitless.strategy().fetch({ url: `${server.url}/text` });
  });
  afterAll(async () => {
    await waitless?.close();
    await server?.close();
  });
  beforeEach(() => server.resetStats());

  const get = (query: string) => (signal: AbortSignal) =>
    waitless.strategy().fetch<{ name: string }>({ url: `${server.url}/api/v2/pokemon/4?${query}`, signal });

  it('fail-fast rejects with the first error and starts nothing after it', async () => {
    const tasks = [get('status=500'), ...Array.from({ length: 9 }, () => get('latency=300'))];
    const error = await gather(tasks, { concurrency: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    // At most the failing call and the one started beside it (a blocking strategy may finish both).
    expect((await server.stats()).total).toBeLessThanOrEqual(2);
  });

  it('settled accounts for every task, in input order', async () => {
    const results = await gather([get(''), get('status=503'), get('latency=20'), get('status=404')], { concurrency: 2, mode: 'settled' });
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.body.name : (r.reason as HttpError).status))).toEqual([
      'charmander',
      503,
      'charmander',
      404,
    ]);
    expect((await server.stats()).total).toBe(4);
  });
});

import { createWaitless, isTimeoutError, type WaitlessRuntime } from '@waitless/core';
import { standardDecorators } from '@waitless/concurrency';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';

// Issue 13, defect 2: the timeout decorator's timer cannot fire while blocking-sync blocks the thread, so the
// deadline has to reach the blocking request itself.
describe('blocking-sync under timeout.perAttemptMs', () => {
  let server: FixtureServerThread;
  let waitless: WaitlessRuntime;

  beforeAll(async () => {
    // On its own thread: this one is blocked during each call.
    server = await startFixtureServerThread({ latencyMs: 3000 });
    waitless = createWaitless({
      env: {},
      decorators: standardDecorators,
      inline: {
        plugins: ['@waitless/strategy-blocking-sync'],
        strategy: 'blocking-sync',
        strategies: { 'blocking-sync': { timeout: { perAttemptMs: 500 } } },
      },
    });
  });
  afterAll(async () => {
    await waitless.close();
    await server.close();
  });

  it('fails with TimeoutError before the server has written its response', async () => {
    const error = await waitless
      .strategy()
      .fetch({ url: `${server.url}/api/v2/pokemon/1` })
      .catch((e: unknown) => e);

    expect(isTimeoutError(error) && error.timeoutMs).toBe(500);
    // Asked after the call returned: the 3 s response is still unwritten, so the call did not wait for it.
    const stats = await server.stats();
    expect(stats.total).toBe(1);
    expect(stats.completed).toBe(0);
  });
});

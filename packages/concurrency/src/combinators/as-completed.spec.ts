import { serverIdle, useFixtureAndStrategy } from '../../test/waitless-for-tests';
import { asCompleted } from './as-completed';

describe('asCompleted', () => {
  const env = useFixtureAndStrategy();
  const get =
    (latency: number, extra = '') =>
    (signal: AbortSignal) =>
      env.strategy.fetch({ url: `${env.server.url}/api/v2/pokemon/1?latency=${latency}${extra}`, signal });

  it('yields outcomes in completion order, with their input index, failures included', async () => {
    const order: Array<[number, string]> = [];
    for await (const outcome of asCompleted([get(400), get(20), get(200, '&status=503')], { concurrency: 3 })) {
      order.push([outcome.index, outcome.status]);
    }
    expect(order).toEqual([
      [1, 'fulfilled'],
      [2, 'rejected'],
      [0, 'fulfilled'],
    ]);
  });

  it('breaking out of the loop aborts the running task and never starts the rest', async () => {
    const tasks = [get(10), get(5000), get(5000), get(5000), get(5000)];
    for await (const outcome of asCompleted(tasks, { concurrency: 2 })) {
      expect(outcome.index).toBe(0);
      break;
    }
    await serverIdle(env.server);
    // Task 2 may have started in the slot task 0 freed before the loop body ran; nothing after it,
    // and everything but task 0 was aborted.
    const stats = env.server.stats();
    expect(stats.total).toBeLessThanOrEqual(3);
    expect(stats.clientAborted).toBeGreaterThanOrEqual(1);
    expect(stats.clientAborted).toBe(stats.total - 1);
  });
});

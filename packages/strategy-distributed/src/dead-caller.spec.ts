import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startFixtureServerThread, type FixtureServerThread, type RequestEndEvent } from '@waitless/fixture-server';
import { QueueEvents } from 'bullmq';
import { connectCaller } from '../test/connect-caller';
import { startWorkerProcess, type WorkerProcess } from '../test/start-worker-process';
import { testConfig } from '../test/test-config';
import type { DistributedStrategy } from './distributed-strategy';
import { startRedisServer, type RedisServer } from './testing/redis-server';

describe('a caller process that dies', () => {
  let redis: RedisServer;
  let server: FixtureServerThread;
  let worker: WorkerProcess | undefined;
  let events: QueueEvents | undefined;
  let nextCaller: DistributedStrategy | undefined;

  beforeAll(async () => {
    [redis, server] = await Promise.all([startRedisServer(), startFixtureServerThread()]);
  });

  afterAll(async () => {
    await Promise.all([nextCaller?.close(), events?.close(), worker?.kill('SIGKILL')]);
    await Promise.all([redis?.stop(), server?.close()]);
  });

  it('leaves no work running past the deadlines, and the next caller gets only its own results', async () => {
    const config = testConfig(redis.socket, { queue: 'dead-caller' });
    const onlyWorker = await startWorkerProcess(config, 1);
    worker = onlyWorker;
    events = new QueueEvents('dead-caller', { connection: { path: redis.socket }, prefix: 'waitless' });
    await events.waitUntilReady();
    let added = 0;
    events.on('waiting', () => added++);

    // One slow call that runs (and must be stopped at its 1.5 s deadline), three that wait behind it on the
    // one worker slot until their 1 s deadlines have passed.
    const slow = { url: `${server.url}/api/v2/pokemon/1?latency=60000`, timeoutMs: 1500 };
    const waiting = [2, 3, 4].map((id) => ({ url: `${server.url}/api/v2/pokemon/${id}`, timeoutMs: 1000 }));
    const caller = spawn(
      process.execPath,
      [join(__dirname, '../test/caller-process.cjs'), JSON.stringify({ config, calls: [slow, ...waiting] })],
      {
        stdio: 'inherit',
      },
    );
    while (added < 4) await once(events, 'waiting');
    await server.waitForRequests(1);
    // Listening before the dead caller's jobs end: their results reach it and must be ignored.
    const next = await connectCaller(config);
    nextCaller = next;
    caller.kill('SIGKILL');
    await once(caller, 'exit');

    const [stopped] = (await once(server.events, 'request-end')) as [RequestEndEvent];
    expect(stopped).toMatchObject({ path: '/api/v2/pokemon/1', aborted: true });
    const results = await Promise.all([5, 6].map((id) => next.fetch<{ id: number }>({ url: `${server.url}/api/v2/pokemon/${id}` })));

    expect(results.map((result) => result.body.id)).toEqual([5, 6]);
    expect(next.pendingCount()).toBe(0);
    // The caller can hear of the last result before the worker's own report of it arrives here.
    await onlyWorker.waitFor(() => onlyWorker.lines.filter((line) => line.type === 'done').length === 6);
    const outcomes = onlyWorker.lines.filter((line) => line.type === 'done').map((line) => line.outcome);
    expect(outcomes).toEqual(['error', 'refused', 'refused', 'refused', 'ok', 'ok']);
    const stats = await server.stats();
    expect(stats.byPath).toEqual({ '/api/v2/pokemon/1': 1, '/api/v2/pokemon/5': 1, '/api/v2/pokemon/6': 1 });
    expect(stats.inFlight).toBe(0);
  });
});

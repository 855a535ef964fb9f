import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';
import type { DistributedStrategy } from '../src/distributed-strategy';
import { startRedisServer, type RedisServer, type RedisServerOptions } from '../src/testing/redis-server';
import { connectCaller } from './connect-caller';
import { startWorkerProcess, type WorkerProcess } from './start-worker-process';

/** A spec file's Redis and fixture server, and the worker processes and callers its tests start. */
export interface TestCluster {
  readonly redis: RedisServer;
  readonly server: FixtureServerThread;
  /** One worker process per entry, with that many job slots. */
  startWorkers(config: Parameters<typeof connectCaller>[0], slots: number[]): Promise<WorkerProcess[]>;
  connect(config: Parameters<typeof connectCaller>[0]): Promise<DistributedStrategy>;
}

/**
 * Starts Redis and the fixture server before the file's tests; after them, closes every caller, kills every worker
 * (SIGKILL: a test that wants a clean stop does it itself) and stops both servers.
 */
export function useTestCluster(redisOptions?: RedisServerOptions): TestCluster {
  let redis: RedisServer | undefined;
  let server: FixtureServerThread | undefined;
  const workers: WorkerProcess[] = [];
  const callers: DistributedStrategy[] = [];

  beforeAll(async () => {
    [redis, server] = await Promise.all([startRedisServer(redisOptions), startFixtureServerThread()]);
  });

  afterAll(async () => {
    await Promise.all(callers.map((caller) => caller.close()));
    await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
    await Promise.all([redis?.stop(), server?.close()]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The test cluster's ${what} is used before beforeAll started it.`);
    return value;
  };
  return {
    get redis() {
      return started(redis, 'Redis');
    },
    get server() {
      return started(server, 'fixture server');
    },
    async startWorkers(config, slots) {
      const started = await Promise.all(slots.map((count) => startWorkerProcess(config, count)));
      workers.push(...started);
      return started;
    },
    async connect(config) {
      const caller = await connectCaller(config);
      callers.push(caller);
      return caller;
    },
  };
}

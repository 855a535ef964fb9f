import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeConformance } from '@waitless/strategy-testkit';
import { startWorkerProcess, type WorkerProcess } from '../test/start-worker-process';
import { testConfig } from '../test/test-config';
import { plugin } from './distributed-plugin';
import { startRedisServer, type RedisServer } from './testing/redis-server';

// The kit reads the settings when the suite is defined, so the socket's folder is known before Redis starts.
const dir = mkdtempSync(join(tmpdir(), 'waitless-conformance-'));
const config = testConfig(join(dir, 'redis.sock'));
let redis: RedisServer;
let worker: WorkerProcess;

beforeAll(async () => {
  redis = await startRedisServer({ dir });
  worker = await startWorkerProcess(config);
});

afterAll(async () => {
  await worker?.kill();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describeConformance(plugin, { settings: config.strategies.distributed });

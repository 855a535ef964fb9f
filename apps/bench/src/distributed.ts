// `npx tsx apps/bench/src/distributed.ts [--quick]`: the distributed strategy on this machine, opt-in because it
// needs Debian's redis-server (skipped with a note when it is missing) and the built CLI (`npx nx build cli`).
// 1. Scaling: 100 ms jobs at high concurrency on 1, 2 and 4 `waitless worker` processes; throughput and its
//    ratio to ideal (workers × concurrency / latency). 2. Overhead: one call at a time, distributed (1 worker)
//    beside undici-pool called directly: added latency p50 / p99 and CPU µs per request (caller, worker, Redis).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createWaitless, type FetchStrategy } from '@waitless/core';
import { startFixtureServerProcess } from '@waitless/fixture-server';
import { hasRedisServer, startRedisServer, type RedisServer } from '@waitless/strategy-distributed/testing';
import { renderTable } from '@waitless/text-table';
import { percentile, round } from './stats';

const CLI_BIN = path.resolve(__dirname, '../../cli/bin/waitless.js');
const LATENCY_MS = 100;
const WORKER_CONCURRENCY = 50;
const CLOCK_TICKS_PER_SECOND = 100;

interface ScalingRow {
  workers: number;
  jobs: number;
  wallMs: number;
  jobsPerSecond: number;
  idealPerSecond: number;
  ratio: number;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  if (!hasRedisServer()) return void console.log('distributed bench skipped: no redis-server on PATH (apt-get install redis-server).');
  if (!existsSync(path.resolve(CLI_BIN, '../../dist/main.js'))) throw new Error('Build the CLI first: npx nx build cli');
  const fixture = await startFixtureServerProcess();
  const redis = await startRedisServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'waitless-bench-distributed-'));
  try {
    const rows: ScalingRow[] = [];
    for (const workers of [1, 2, 4]) {
      const configPath = writeConfig(dir, redis, `scale-${workers}`);
      rows.push(await scaling(configPath, fixture.url, workers, quick ? 5 : 10));
      console.error(`bench: ${workers} worker(s) done`);
    }
    printScaling(rows);
    await overhead(writeConfig(dir, redis, 'overhead'), fixture.url, redis, quick ? 300 : 2000);
  } finally {
    await Promise.all([redis.stop(), fixture.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeConfig(dir: string, redis: RedisServer, queue: string): string {
  const file = path.join(dir, `${queue}.config.json`);
  const config = {
    strategy: 'distributed',
    plugins: ['@waitless/strategy-undici-pool', '@waitless/strategy-distributed'],
    strategies: { distributed: { options: { redis: redis.socket, queue, concurrency: WORKER_CONCURRENCY } } },
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** `waitless worker` processes on `configPath`, resolved once each takes jobs. */
async function startWorkers(configPath: string, count: number): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [CLI_BIN, '--config', configPath, 'worker'], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const lines = createInterface({ input: worker.stdout as NodeJS.ReadableStream });
          lines.on('line', (line) => line.startsWith('waitless worker ready') && (lines.close(), worker.stdout?.resume(), resolve()));
          worker.once('exit', (code) => reject(new Error(`waitless worker exited with code ${code} before it was ready`)));
        }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map(async (worker) => (worker.kill('SIGTERM'), await once(worker, 'exit'))));
}

async function caller(configPath: string, strategy: string): Promise<{ strategy: FetchStrategy; close(): Promise<void> }> {
  const waitless = createWaitless({ configPath, strategy, env: {}, resolvePaths: [path.dirname(CLI_BIN)] });
  return { strategy: await waitless.ready(), close: () => waitless.close() };
}

async function scaling(configPath: string, baseUrl: string, workerCount: number, waves: number): Promise<ScalingRow> {
  const workers = await startWorkers(configPath, workerCount);
  const { strategy, close } = await caller(configPath, 'distributed');
  try {
    const slots = workerCount * WORKER_CONCURRENCY;
    const url = (i: number): string => `${baseUrl}/api/v2/pokemon/${(i % 1000) + 1}?latency=${LATENCY_MS}`;
    // Warm-up: connections from every worker to the fixture server and Redis scripts loaded.
    await Promise.all(Array.from({ length: slots }, (_, i) => strategy.fetch({ url: url(i) })));
    const jobs = waves * slots;
    const started = performance.now();
    await Promise.all(Array.from({ length: jobs }, (_, i) => strategy.fetch({ url: url(i) })));
    const wallMs = performance.now() - started;
    const jobsPerSecond = (jobs * 1000) / wallMs;
    const idealPerSecond = (slots * 1000) / LATENCY_MS;
    return { workers: workerCount, jobs, wallMs, jobsPerSecond, idealPerSecond, ratio: jobsPerSecond / idealPerSecond };
  } finally {
    await close();
    await stopWorkers(workers);
  }
}

function printScaling(rows: ScalingRow[]): void {
  console.log(
    `\nScaling: ${LATENCY_MS} ms jobs, ${WORKER_CONCURRENCY} per worker process, all in flight at once\n\n` +
      renderTable(
        [
          { header: 'workers' },
          { header: 'jobs', align: 'right' },
          { header: 'wall ms', align: 'right' },
          { header: 'jobs/s', align: 'right' },
          { header: 'ideal jobs/s', align: 'right' },
          { header: 'ratio to ideal', align: 'right' },
        ],
        rows.map((r) => [
          String(r.workers),
          String(r.jobs),
          String(Math.round(r.wallMs)),
          String(Math.round(r.jobsPerSecond)),
          String(r.idealPerSecond),
          r.ratio.toFixed(2),
        ]),
      ),
  );
}

/** utime + stime of a process in µs, from /proc (Linux). */
function processCpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

function callerCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function sequentialLatencies(strategy: FetchStrategy, url: string, calls: number): Promise<number[]> {
  for (let i = 0; i < 50; i++) await strategy.fetch({ url }); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await strategy.fetch({ url });
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function overhead(configPath: string, baseUrl: string, redis: RedisServer, calls: number): Promise<void> {
  const url = `${baseUrl}/api/v2/pokemon/25`;
  const direct = await caller(configPath, 'undici-pool');
  const cpuBeforeDirect = callerCpuMicros();
  const directLatencies = await sequentialLatencies(direct.strategy, url, calls).finally(() => direct.close());
  const directCpu = (callerCpuMicros() - cpuBeforeDirect) / (calls + 50);

  const [worker] = await startWorkers(configPath, 1);
  const distributed = await caller(configPath, 'distributed');
  try {
    const before = { caller: callerCpuMicros(), worker: processCpuMicros(worker.pid as number), redis: processCpuMicros(redis.pid) };
    const latencies = await sequentialLatencies(distributed.strategy, url, calls);
    const perCall = (after: number, was: number): number => (after - was) / (calls + 50);
    const cpu = {
      caller: perCall(callerCpuMicros(), before.caller),
      worker: perCall(processCpuMicros(worker.pid as number), before.worker),
      redis: perCall(processCpuMicros(redis.pid), before.redis),
    };
    const p = (values: number[], q: number): number => percentile(values, q);
    console.log(
      `\nOverhead: ${calls} calls one at a time (no latency), distributed on 1 worker vs undici-pool called directly\n\n` +
        renderTable(
          [
            { header: 'path' },
            { header: 'p50 ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
            { header: 'CPU µs/request', align: 'right' },
          ],
          [
            [
              'undici-pool, direct',
              String(round(p(directLatencies, 50), 2)),
              String(round(p(directLatencies, 99), 2)),
              String(Math.round(directCpu)),
            ],
            [
              'distributed (caller + worker + redis)',
              String(round(p(latencies, 50), 2)),
              String(round(p(latencies, 99), 2)),
              String(Math.round(cpu.caller + cpu.worker + cpu.redis)),
            ],
            [
              '  of which caller / worker / redis',
              '',
              '',
              `${Math.round(cpu.caller)} / ${Math.round(cpu.worker)} / ${Math.round(cpu.redis)}`,
            ],
            [
              'added by distributed',
              String(round(p(latencies, 50) - p(directLatencies, 50), 2)),
              String(round(p(latencies, 99) - p(directLatencies, 99), 2)),
              String(Math.round(cpu.caller + cpu.worker + cpu.redis - directCpu)),
            ],
          ],
        ),
    );
  } finally {
    await distributed.close();
    await stopWorkers([worker]);
  }
}

main().catch((error: unknown) => {
  console.error(`distributed bench: ${(error as Error).message}`);
  process.exitCode = 1;
});

import type { RunEndEvent, RunEvent } from '../shared/run-events';
import { postRun, readRunEvents } from '../testing/read-run-events';
import { startWebServer, type WebServer } from './create-web-app';
import type { RunBudgets, RunCloseReason } from './run-manager';

const PLUGINS = ['@waitless/strategy-native-async', '@waitless/strategy-worker-threaded', '@waitless/strategy-blocking-sync'];

async function start(budgets: Partial<RunBudgets>): Promise<WebServer> {
  return startWebServer({
    port: 0,
    budgets,
    waitless: { inline: { plugins: PLUGINS, strategies: { 'worker-threaded': { options: { poolSize: 2 } } } }, cwd: __dirname },
  });
}

async function post(
  server: WebServer,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { id?: string; error?: string; field?: string } }> {
  const response = await fetch(`${server.url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
}

function closedOnce(server: WebServer, id: string): Promise<RunCloseReason> {
  return new Promise((resolve) => {
    const onClosed = (closedId: string, reason: RunCloseReason): void => {
      if (closedId !== id) return;
      server.runs.off('closed', onClosed);
      resolve(reason);
    };
    server.runs.on('closed', onClosed);
  });
}

async function collect(url: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of readRunEvents(url)) events.push(event);
  return events;
}

/** Runs two requests of each strategy, one run after the other, and returns each run's events. */
async function runInTurn(server: WebServer, strategies: string[]): Promise<RunEvent[][]> {
  const runs: RunEvent[][] = [];
  for (const strategy of strategies) runs.push(await collect((await postRun(server.url, { strategy, count: 2, latencyMs: 0 })).eventsUrl));
  return runs;
}

describe('run budgets (real port, worker threads)', () => {
  const servers: WebServer[] = [];
  const open = async (budgets: Partial<RunBudgets>): Promise<WebServer> => {
    const server = await start(budgets);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('a run nobody streams is dropped after the short claim window, freeing its slot', async () => {
    const server = await open({ maxRuns: 1 });
    const first = await post(server, { strategy: 'native-async', count: 1 });
    expect(first.status).toBe(201);
    const refused = await post(server, { strategy: 'native-async', count: 1 });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/Too many runs at once \(limit 1\)/);

    expect(await closedOnce(server, first.body.id as string)).toBe('expired');
    expect((await post(server, { strategy: 'native-async', count: 1 })).status).toBe(201);
    // /api/strategies keeps answering while every slot is taken.
    expect((await fetch(`${server.url}/api/strategies`)).status).toBe(200);
  }, 20_000);

  it('one client cannot take every slot', async () => {
    const server = await open({ maxRuns: 8, maxRunsPerClient: 2 });
    expect((await post(server, { strategy: 'native-async' })).status).toBe(201);
    expect((await post(server, { strategy: 'native-async' })).status).toBe(201);
    const third = await post(server, { strategy: 'native-async' });
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('You already have 2 runs going (limit 2 a client). Wait for one to finish or cancel it.');
    expect(server.runs.size).toBe(2);
  });

  it('requests in flight across runs stay within the global budget', async () => {
    const server = await open({ maxInFlight: 100 });
    expect((await post(server, { strategy: 'native-async', count: 200, concurrency: 80 })).status).toBe(201);
    const over = await post(server, { strategy: 'native-async', count: 200, concurrency: 30 });
    expect(over.status).toBe(429);
    expect(over.body.error).toMatch(/needs 30 requests in flight and 20 of 100 are free/);
    // A sequential run needs one, and a small run no more than its count.
    expect((await post(server, { strategy: 'native-async', count: 200, concurrency: 30, mode: 'sequential' })).status).toBe(201);
    expect((await post(server, { strategy: 'native-async', count: 19, concurrency: 500 })).status).toBe(201);
    expect(server.runs.inFlightReserved).toBe(100);
  });

  it('refuses up front a run that cannot finish within the duration limit', async () => {
    const server = await open({ maxRunMs: 60_000 });
    const blocking = await post(server, { strategy: 'blocking-sync', count: 500, concurrency: 500, latencyMs: 5000 });
    expect(blocking.status).toBe(400);
    expect(blocking.body.field).toBe('count');
    expect(blocking.body.error).toMatch(/at least 2500 s \(500 requests × 5000 ms, one at a time on blocking-sync\).*after 60 s/);
    // The same inputs overlap on a concurrent strategy: 5 s.
    expect((await post(server, { strategy: 'native-async', count: 500, concurrency: 500, latencyMs: 5000 })).status).toBe(201);
  });

  it('stops a run at the duration limit; the stream ends with a summary of what settled and why it stopped', async () => {
    const server = await open({ maxRunMs: 400 });
    const { id, eventsUrl } = await postRun(server.url, { strategy: 'native-async', count: 8, concurrency: 2, latencyMs: 100 });
    const closed = closedOnce(server, id);
    const events = await collect(eventsUrl);

    const last = events[events.length - 1] as RunEndEvent;
    expect(last.type).toBe('run-end');
    expect(last.stoppedBecause).toBe("Stopped by the server at its 400 ms limit on a run's duration.");
    expect(last.summary.cancelled).toBe(true);
    expect(last.summary.ok + last.summary.failed).toBe(events.filter((e) => e.type === 'request-end').length);
    expect(last.summary.dispatched).toBeLessThan(8);
    expect(await closed).toBe('cancelled');
  }, 20_000);

  it('create → stream → disconnect in a loop never holds more runs or threads than the budgets', async () => {
    const server = await open({ maxRuns: 2, maxThreads: 2 });
    let created = 0;
    let mostThreads = 0;
    for (let i = 0; i < 12; i++) {
      const response = await post(server, { strategy: 'native-async', count: 100, concurrency: 5, latencyMs: 200 });
      mostThreads = Math.max(mostThreads, server.runs.threadCount);
      expect(server.runs.size).toBeLessThanOrEqual(2);
      if (response.status !== 201) {
        expect(response.status).toBe(429);
        continue;
      }
      created++;
      const controller = new AbortController();
      // Leaves as soon as the run has started: the run is cancelled but holds its slot until its worker stops.
      await expect(
        (async () => {
          for await (const event of readRunEvents(`${server.url}/api/runs/${response.body.id}/events`, controller.signal)) {
            if (event.type === 'request-start') controller.abort();
          }
        })(),
      ).rejects.toThrow(/abort/i);
    }
    expect(created).toBeGreaterThan(0);
    expect(mostThreads).toBeLessThanOrEqual(2);
  }, 60_000);

  it('keeps threads within the budget: a warm idle worker is let go when another strategy needs room', async () => {
    // native-async holds its run thread, blocking-sync that and its request helper: 3 threads do not fit in 2.
    const server = await open({ maxThreads: 2 });
    const [first, other, again] = await runInTurn(server, ['native-async', 'blocking-sync', 'native-async']);

    expect(first[0]).toEqual({ type: 'worker', reused: false });
    expect(other[0]).toEqual({ type: 'worker', reused: false });
    // The native-async worker was let go to make room for blocking-sync's, so this one starts fresh.
    expect(again[0]).toEqual({ type: 'worker', reused: false });
    expect(again[again.length - 1]).toMatchObject({ type: 'run-end', summary: { ok: 2 } });
  }, 30_000);

  it("counts the threads a run's strategy starts: a run over the thread budget is refused with the reason", async () => {
    // worker-threaded (poolSize 2 here) holds 4 threads: its run thread, its pool and their request helper.
    const server = await open({ maxThreads: 6 });
    expect((await post(server, { strategy: 'worker-threaded', count: 1 })).status).toBe(201);
    expect(server.runs.threadsReserved).toBe(4);
    const second = await post(server, { strategy: 'worker-threaded', count: 1 });
    expect(second.status).toBe(429);
    expect(second.body.error).toBe(
      'The server is busy: a worker-threaded run needs 4 threads (its run thread and 3 the strategy starts) and 2 of the ' +
        '6-thread budget are free. Wait for a run to finish or choose a strategy that starts fewer threads.',
    );
    expect((await post(server, { strategy: 'blocking-sync', count: 1 })).status).toBe(201);
    expect((await post(server, { strategy: 'native-async', count: 1 })).status).toBe(429);
    expect(server.runs.threadsReserved).toBe(6);

    const small = await open({ maxThreads: 3 });
    const never = await post(small, { strategy: 'worker-threaded', count: 1 });
    expect(never.status).toBe(429);
    expect(never.body.error).toMatch(/^This server cannot run worker-threaded: a worker-threaded run needs 4 threads .* 3-thread budget\./);
  });

  it("lets a warm idle worker go when a new run's strategy threads would not fit beside it", async () => {
    // 2 run workers, but 5 threads with worker-threaded's pool and helper: over a budget of 4.
    const server = await open({ maxThreads: 4 });
    const [warm, pooled, again] = await runInTurn(server, ['native-async', 'worker-threaded', 'native-async']);

    expect(warm[0]).toEqual({ type: 'worker', reused: false });
    expect(pooled[0]).toEqual({ type: 'worker', reused: false });
    expect(pooled[pooled.length - 1]).toMatchObject({ type: 'run-end', summary: { ok: 2 } });
    // The native-async worker made room for worker-threaded's threads, so this one starts fresh.
    expect(again[0]).toEqual({ type: 'worker', reused: false });
    expect(again[again.length - 1]).toMatchObject({ type: 'run-end', summary: { ok: 2 } });
  }, 30_000);
});

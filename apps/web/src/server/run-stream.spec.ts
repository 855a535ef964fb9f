import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { RequestEndEvent, RunEndEvent, RunEvent, RunStartEvent } from '../shared/run-events';
import { postRun, readRunEvents } from '../testing/read-run-events';
import { startWebServer, type WebServer } from './create-web-app';

const PLUGINS = ['@waitless/strategy-native-async', '@waitless/strategy-worker-threaded', '@waitless/strategy-blocking-sync'];

async function collect(url: string, onEvent?: (event: RunEvent) => void): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of readRunEvents(url)) {
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

describe('run event stream (real port, worker threads)', () => {
  let server: WebServer;

  beforeAll(async () => {
    server = await startWebServer({
      port: 0,
      waitless: { inline: { plugins: PLUGINS, strategies: { 'worker-threaded': { options: { poolSize: 4 } } } }, cwd: __dirname },
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.fixture.resetStats());

  it.each(['native-async', 'worker-threaded', 'blocking-sync'])(
    '%s: every started request ends and the counts add up',
    async (strategy) => {
      const count = 12;
      const { eventsUrl } = await postRun(server.url, { strategy, count, concurrency: 4, latencyMs: 20, errorRate: 0.3 });
      const events = await collect(eventsUrl);

      expect(events[0]).toEqual({ type: 'worker', reused: expect.any(Boolean) });
      expect(events[1]).toEqual({ type: 'warm-up-start', requests: strategy === 'blocking-sync' ? 1 : 4 });
      const start = events.find((e): e is RunStartEvent => e.type === 'run-start');
      expect(start).toMatchObject({ profile: strategy === 'blocking-sync' ? 'blocking' : 'concurrent' });
      const starts = events.filter((e) => e.type === 'request-start').map((e) => e.index);
      const ends = events.filter((e): e is RequestEndEvent => e.type === 'request-end');
      expect([...starts].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      expect(ends.map((e) => e.index).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      expect(ends.every((e) => e.endedAt >= e.startedAt)).toBe(true);
      expect(ends.filter((e) => !e.ok).every((e) => e.status === 503)).toBe(true);

      const last = events[events.length - 1] as RunEndEvent;
      expect(last.type).toBe('run-end');
      expect(last.summary.ok + last.summary.failed).toBe(count);
      expect(last.summary.ok).toBe(ends.filter((e) => e.ok).length);
      expect(last.summary.cancelled).toBe(false);
      expect(events.some((e) => e.type === 'heartbeat')).toBe(true);
      expect(last.summary.baseline).toBe('ideal-sequential');
      expect(last.summary.baselineMs).toBe(count * 20);
      expect(last.summary.idealWallMs).toBe((count / 4) * 20);
      expect(last.summary.latency.p50).toBeLessThanOrEqual(last.summary.latency.p95);
      // The untimed warm-up requests reach the server too, before the first timed one.
      expect((await server.fixture.stats()).total).toBe(count + (start?.warmUp.sent ?? 0));
    },
  );

  it('a client that disconnects cancels its run: the worker stops and no more requests reach the fixture server', async () => {
    const count = 200;
    const { id, eventsUrl } = await postRun(server.url, { strategy: 'native-async', count, concurrency: 5, latencyMs: 100 });
    const closed = new Promise((resolve) => {
      const onClosed = (closedId: string, reason: string): void => {
        if (closedId !== id) return;
        server.runs.off('closed', onClosed);
        resolve(reason);
      };
      server.runs.on('closed', onClosed);
    });
    const controller = new AbortController();
    let ended = 0;
    let warmUpSent = 0;
    const read = (async () => {
      for await (const event of readRunEvents(eventsUrl, controller.signal)) {
        if (event.type === 'run-start') warmUpSent = event.warmUp.sent;
        if (event.type === 'request-end' && ++ended === 5) controller.abort();
      }
    })();
    await expect(read).rejects.toThrow(/abort/i);

    expect(await closed).toBe('cancelled');
    while ((await server.fixture.stats()).inFlight > 0) await once(server.fixture.events, 'request-end');
    const { total } = await server.fixture.stats();
    expect(warmUpSent).toBeGreaterThan(0);
    expect(total - warmUpSent).toBeLessThan(30);
    // Broad check that nothing is left running: the worker is gone, so no request may start any more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.fixture.stats()).total).toBe(total);
    expect(server.runs.size).toBe(0);
  });

  it('a second run of a strategy reuses its warm worker thread', async () => {
    const first = await collect(
      (await postRun(server.url, { strategy: 'worker-threaded', count: 4, concurrency: 4, latencyMs: 10 })).eventsUrl,
    );
    const workers = server.runs.workerCount;
    const second = await collect(
      (await postRun(server.url, { strategy: 'worker-threaded', count: 4, concurrency: 4, latencyMs: 10 })).eventsUrl,
    );

    expect(first[first.length - 1].type).toBe('run-end');
    expect(second[0]).toEqual({ type: 'worker', reused: true });
    expect(second.find((e): e is RunStartEvent => e.type === 'run-start')?.warmUp.reusedWorker).toBe(true);
    expect(second[second.length - 1]).toMatchObject({ type: 'run-end', summary: { ok: 4, cancelled: false } });
    expect(server.runs.workerCount).toBe(workers);
  });

  it('DELETE on a streaming run ends the stream with a run-end that summarises what settled', async () => {
    const count = 200;
    const { id, eventsUrl } = await postRun(server.url, { strategy: 'native-async', count, concurrency: 5, latencyMs: 100 });
    let ended = 0;
    let deleted: Promise<Response> | undefined;
    const events = await collect(eventsUrl, (event) => {
      if (event.type === 'request-end' && ++ended === 5) deleted = fetch(`${server.url}/api/runs/${id}`, { method: 'DELETE' });
    });
    expect((await deleted)?.status).toBe(204);

    const last = events[events.length - 1] as RunEndEvent;
    expect(last.type).toBe('run-end');
    expect(last.summary.cancelled).toBe(true);
    const settled = events.filter((e): e is RequestEndEvent => e.type === 'request-end');
    expect(last.summary.ok + last.summary.failed).toBe(settled.length);
    expect(settled.length).toBeGreaterThanOrEqual(5);
    expect(last.summary.dispatched).toBeLessThan(count);
  });

  it('a cancelled run whose worker cannot stop in time is killed, ends with a summary, frees its slot once the thread exits', async () => {
    const { id, eventsUrl } = await postRun(server.url, { strategy: 'blocking-sync', count: 3, concurrency: 1, latencyMs: 4000 });
    let workersWhenClosed: number | undefined;
    const closed = new Promise<string>((resolve) => {
      const onClosed = (closedId: string, reason: string): void => {
        if (closedId !== id) return;
        server.runs.off('closed', onClosed);
        workersWhenClosed = server.runs.workerCount;
        resolve(reason);
      };
      server.runs.on('closed', onClosed);
    });
    let workersWhileRunning = 0;
    let warmUpSent = 0;
    const events = await collect(eventsUrl, (event) => {
      if (event.type === 'run-start') warmUpSent = event.warmUp.sent;
      if (event.type !== 'request-start') return;
      workersWhileRunning = server.runs.workerCount;
      // Cancel only once the request has reached the server, so the run's thread is surely blocked in it
      // (cancelled earlier, a slow thread could still see the cancel between its yield and the call).
      void server.fixture.waitForRequests(warmUpSent + 1).then(() => fetch(`${server.url}/api/runs/${id}`, { method: 'DELETE' }));
    });

    expect(await closed).toBe('cancelled');
    // The blocked thread never answered the cancel: it was terminated, and the slot waited for it to be gone.
    expect(workersWhenClosed).toBeLessThan(workersWhileRunning);
    expect(server.runs.state(id)).toBeUndefined();
    const last = events[events.length - 1] as RunEndEvent;
    expect(last).toMatchObject({ type: 'run-end', summary: { cancelled: true, ok: 0, failed: 0, dispatched: 1 } });
  });

  it('a blocking-sync run stalls its own loop but never the server: other requests answer meanwhile', async () => {
    const { eventsUrl } = await postRun(server.url, { strategy: 'blocking-sync', count: 8, concurrency: 8, latencyMs: 250 });
    let probe: Promise<{ ms: number; doneAt: number }> | undefined;
    const events = await collect(eventsUrl, (event) => {
      if (event.type === 'request-start' && event.index === 1) {
        probe = (async () => {
          const started = performance.now();
          const response = await fetch(`${server.url}/api/strategies`);
          await response.json();
          return { ms: performance.now() - started, doneAt: performance.now() };
        })();
      }
    });
    const runEndReceivedAt = performance.now();
    const answered = await probe;
    // The run holds its loop for ~2 s; a server on that loop would answer after ~1.7 s.
    expect(answered?.ms).toBeLessThan(500);
    expect(answered?.doneAt).toBeLessThan(runEndReceivedAt);

    const starts = events.filter((e) => e.type === 'request-start');
    const ends = events.filter((e): e is RequestEndEvent => e.type === 'request-end').sort((a, b) => a.index - b.index);
    expect(starts).toHaveLength(8);
    // One at a time, although concurrency allows 8: each request starts after the previous one ended.
    for (let i = 1; i < ends.length; i++) expect(ends[i].startedAt).toBeGreaterThanOrEqual(ends[i - 1].endedAt - 1);
    const end = events[events.length - 1] as RunEndEvent;
    expect(end.summary.maxLagMs).toBeGreaterThan(150);
    expect(end.summary.speedup).toBeLessThan(1.3);
  });
});

import { getEventListeners, once } from 'node:events';
import {
  AbortError,
  createWaitless,
  HttpError,
  isHttpError,
  isResponseTooLargeError,
  isTooManyRedirectsError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  type FetchStrategy,
  type StrategyDescriptor,
  type WaitlessRuntime,
} from '@waitless/core';
import { startFixtureServerThread, type FixtureServerThread, type RequestEndEvent } from '@waitless/fixture-server';
import type { StrategyPluginDefinition } from '@waitless/core/plugin';
import { standardDecorators, watchEventLoop } from '@waitless/concurrency';

/** Options for {@link describeConformance}. */
export interface ConformanceOptions {
  /** Settings for the strategy, as under `strategies.<name>` in waitless.config.json (`options` and the standard decorators' keys). */
  settings?: Record<string, unknown>;
}

// A blocked loop shows a gap of a whole request (400 ms); scheduling noise on a loaded 2-core CI machine
// stays well under 300 ms.
const BLOCKED_MS = 300;
const PROFILE_LATENCY_MS = 400;

/**
 * The strategy contract as one jest suite. A plugin package runs it with two lines:
 * @example
 * import { describeConformance } from '@waitless/strategy-testkit';
 * describeConformance(plugin);
 * It registers the plugin in a real runtime (awaiting an asynchronous start), starts the fixture server on 127.0.0.1
 * (on its own thread) and checks every behaviour a `FetchStrategy` promises, including the concurrency profile the
 * plugin declares.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function describeConformance(plugin: StrategyPluginDefinition<any>, options: ConformanceOptions = {}): void {
  describe('FetchStrategy conformance', () => {
    let server: FixtureServerThread;
    let waitless: WaitlessRuntime;
    let strategy: FetchStrategy;
    let descriptor: StrategyDescriptor;
    const url = (path: string): string => `${server.url}${path}`;

    beforeAll(async () => {
      // On its own thread: a blocking strategy stalls this one, and the server must still answer.
      server = await startFixtureServerThread();
      const strategies = options.settings ? { [plugin.name]: options.settings } : {};
      waitless = createWaitless({
        inline: { plugins: [], strategies },
        env: {},
        strategyPlugins: [plugin],
        decorators: standardDecorators,
      });
      strategy = await waitless.ready();
      descriptor = waitless.describe(waitless.activeStrategy.name);
    });

    afterAll(async () => {
      await waitless?.close();
      await server?.close();
    });

    beforeEach(() => server.resetStats());

    it('registers under its own name with a descriptor', () => {
      expect(strategy.name).toBe(descriptor.name);
      expect(descriptor.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(descriptor.description.length).toBeGreaterThan(0);
    });

    it('GETs JSON and parses it, with ordered timings', async () => {
      const result = await strategy.fetch<{ id: number; name: string }>({ url: url('/api/v2/pokemon/25') });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ id: 25, name: 'pikachu' });
      expect(result.headers['content-type']).toMatch(/application\/json/);
      const t = result.timings;
      expect(t.queuedAt).toBeLessThanOrEqual(t.startedAt);
      expect(t.startedAt).toBeLessThanOrEqual(t.endedAt);
      expect(t.attempts).toBe(1);
    });

    it('GETs text as a string', async () => {
      const result = await strategy.fetch({ url: url('/text') });
      expect(result.body).toBe('hello from fixture');
    });

    it('rejects non-2xx with HttpError carrying the status and URL', async () => {
      const target = url('/api/v2/pokemon/1?status=503');
      await expect(strategy.fetch({ url: target })).rejects.toMatchObject({ name: 'HttpError', status: 503, url: target });
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/99999') })).rejects.toBeInstanceOf(HttpError);
    });

    it('rejects a call slower than its timeoutMs with TimeoutError', async () => {
      const started = performance.now();
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/1?latency=3000'), timeoutMs: 200 })).rejects.toBeInstanceOf(TimeoutError);
      expect(performance.now() - started).toBeLessThan(2500);
    });

    it('rejects an already-aborted call with AbortError and sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/1'), signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
      expect((await server.stats()).total).toBe(0);
    });

    it('reports a reset connection as NetworkError and a broken JSON body as ResponseBodyError', async () => {
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/1?resetRate=1') })).rejects.toBeInstanceOf(NetworkError);
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/1?invalidJson=1') })).rejects.toBeInstanceOf(ResponseBodyError);
    });

    it('follows redirects up to maxRedirects, then rejects with TooManyRedirectsError naming the redirect loop', async () => {
      const followed = await strategy.fetch<{ name: string }>({ url: url('/api/v2/pokemon/25?redirects=2') });
      expect([followed.status, followed.body.name, followed.url]).toEqual([200, 'pikachu', url('/api/v2/pokemon/25?redirects=0')]);
      const loop = await strategy.fetch({ url: url('/api/v2/pokemon/25?redirectLoop=1'), maxRedirects: 3 }).catch((e: unknown) => e);
      expect(isTooManyRedirectsError(loop) && [loop.limit, loop.message]).toEqual([3, expect.stringContaining('redirect loop')]);
      // Each call: the first request and its redirects; the loop's fourth redirect is not followed.
      expect((await server.stats()).total).toBe(1 + 2 + (1 + 3));
      await expect(strategy.fetch({ url: url('/api/v2/pokemon/25?redirects=1'), maxRedirects: 0 })).rejects.toMatchObject({
        kind: 'too-many-redirects',
      });
    });

    it('rejects a body over maxBodyBytes with ResponseTooLargeError and reads one within it', async () => {
      const tooLarge = await strategy
        .fetch({ url: url('/api/v2/pokemon/25?bodyBytes=200000'), maxBodyBytes: 100_000 })
        .catch((e: unknown) => e);
      expect(isResponseTooLargeError(tooLarge) && tooLarge.limit).toBe(100_000);
      const fits = await strategy.fetch<{ padding: string }>({ url: url('/api/v2/pokemon/25?bodyBytes=100000'), maxBodyBytes: 100_000 });
      expect(fits.body.padding.length).toBeGreaterThan(90_000);
    });

    it('round-trips method, headers and a JSON or text body', async () => {
      const json = await strategy.fetch<{ method: string; headers: Record<string, string>; body: string }>({
        url: url('/echo'),
        method: 'POST',
        headers: { 'x-waitless-test': 'yes' },
        json: { a: 1, b: ['x'] },
      });
      expect(json.body.method).toBe('POST');
      expect(json.body.headers['x-waitless-test']).toBe('yes');
      expect(json.body.headers['content-type']).toBe('application/json');
      expect(JSON.parse(json.body.body)).toEqual({ a: 1, b: ['x'] });
      const text = await strategy.fetch<{ method: string; body: string }>({
        url: url('/echo'),
        method: 'PUT',
        body: 'plain text',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.body).toMatchObject({ method: 'PUT', body: 'plain text' });
    });

    it('accounts for every one of 100 concurrent calls (ok + failed = 100)', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) => strategy.fetch({ url: url(`/api/v2/pokemon/${i + 1}?errorRate=0.3`) })),
      );
      const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
      const failed = outcomes.filter((o) => o.status === 'rejected' && isHttpError(o.reason) && o.reason.status === 503).length;
      expect(ok + failed).toBe(100);
      expect((await server.stats()).total).toBe(100);
    });

    it('leaves no listener behind on a caller signal shared by many calls', async () => {
      // A stream or a CLI run shares one long-lived signal across a million calls: anything a call
      // leaves on it is a leak.
      const { signal } = new AbortController();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => strategy.fetch({ url: url(`/api/v2/pokemon/${i + 1}`), signal, timeoutMs: 10_000 })),
      );
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    });

    describe('declared concurrency profile', () => {
      it('matches what the server and the event loop see for 8 calls at once', async () => {
        const { maxGapMs } = await watchEventLoop(() =>
          Promise.all(
            Array.from({ length: 8 }, (_, i) => strategy.fetch({ url: url(`/api/v2/pokemon/${i + 1}?latency=${PROFILE_LATENCY_MS}`) })),
          ),
        );
        const { maxInFlight } = await server.stats();
        if (descriptor.profile === 'blocking') {
          expect(maxInFlight).toBe(1);
          expect(maxGapMs).toBeGreaterThanOrEqual(BLOCKED_MS);
        } else {
          expect(maxInFlight).toBeGreaterThanOrEqual(4);
          expect(maxGapMs).toBeLessThan(BLOCKED_MS);
        }
      });

      it('stops the work when aborted during a call (concurrent), or cannot be interrupted (blocking)', async () => {
        const controller = new AbortController();
        if (descriptor.profile === 'blocking') {
          // The abort is due 10 ms in, but a blocked thread runs no timers: the call finishes first.
          const timer = setTimeout(() => controller.abort(), 10);
          const result = await strategy.fetch({ url: url(`/api/v2/pokemon/1?latency=${PROFILE_LATENCY_MS}`), signal: controller.signal });
          expect(result.status).toBe(200);
          expect(controller.signal.aborted).toBe(false);
          clearTimeout(timer);
          return;
        }
        const ended = once(server.events, 'request-end') as Promise<[RequestEndEvent]>;
        const call = strategy.fetch({ url: url('/api/v2/pokemon/1?latency=10000'), signal: controller.signal });
        await server.waitForRequests(1);
        controller.abort();
        await expect(call).rejects.toBeInstanceOf(AbortError);
        const [end] = await ended;
        expect(end.aborted).toBe(true);
        expect((await server.stats()).clientAborted).toBe(1);
      });
    });
  });
}

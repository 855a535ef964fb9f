import { InvalidFixtureKnobError, startFixtureServer, type FixtureServer } from './index';

const now = (): number => performance.now();

describe('fault knobs', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterEach(() => server.setDefaults({ latencyMs: undefined, errorRate: undefined, errorStatus: undefined }));
  afterAll(() => server.close());

  const pokemon = (query = '', init?: RequestInit) => fetch(`${server.url}/api/v2/pokemon/25${query}`, init);

  it('latency delays the response (query, header and server default)', async () => {
    let start = now();
    expect((await pokemon('?latency=100')).status).toBe(200);
    expect(now() - start).toBeGreaterThanOrEqual(90);

    start = now();
    await (await pokemon('', { headers: { 'x-fixture-latency': '100' } })).text();
    expect(now() - start).toBeGreaterThanOrEqual(90);

    server.setDefaults({ latencyMs: 100 });
    start = now();
    await (await pokemon()).text();
    expect(now() - start).toBeGreaterThanOrEqual(90);
  });

  it('jitter spreads latency within ±jitter', async () => {
    const start = now();
    const res = await pokemon('?latency=100&jitter=50');
    expect(res.status).toBe(200);
    expect(now() - start).toBeGreaterThanOrEqual(45);
  });

  it('errorRate=1 answers 503, errorStatus picks another status', async () => {
    const res = await pokemon('?errorRate=1');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringContaining('errorRate=1') });
    expect((await pokemon('', { headers: { 'x-fixture-error-rate': '1', 'x-fixture-error-status': '500' } })).status).toBe(500);
    expect((await pokemon('?errorRate=0')).status).toBe(200);
  });

  it('status forces a status with a JSON error body, retryAfter adds Retry-After', async () => {
    const res = await pokemon('?status=429&retryAfter=3');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual({ error: expect.stringContaining('429') });
    expect((await pokemon('?status=500')).headers.get('retry-after')).toBeNull();
  });

  it('failTimes + key fail the first N requests with that key, then succeed', async () => {
    const key = `retry-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await pokemon(`?failTimes=2&key=${key}&retryAfter=1`)).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    // A different key has its own count.
    expect((await pokemon(`?failTimes=1&key=${key}-other`)).status).toBe(503);
  });

  it('resetRate=1 destroys the socket before any response, so fetch rejects', async () => {
    await expect(pokemon('?resetRate=1')).rejects.toThrow('fetch failed');
    expect((await pokemon()).status).toBe(200);
  });

  it('invalidJson=1 sends truncated JSON with a JSON content type', async () => {
    const res = await pokemon('?invalidJson=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text.startsWith('{"id":25')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('slowBody sends headers first and the rest of the body later', async () => {
    const start = now();
    const res = await pokemon('?slowBody=100');
    const headersAt = now() - start;
    const body = (await res.json()) as { name: string };
    const bodyAt = now() - start;
    expect(body.name).toBe('pikachu');
    expect(bodyAt).toBeGreaterThanOrEqual(90);
    expect(headersAt).toBeLessThan(bodyAt);
  });

  it('resetMidBody=1 sends headers and half the body, then resets the socket', async () => {
    const res = await pokemon('?resetMidBody=1');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow('terminated');
  });

  it('trickle sends the body in several pieces', async () => {
    const res = await pokemon('?trickle=30');
    const pieces: Uint8Array[] = [];
    for await (const piece of res.body as AsyncIterable<Uint8Array>) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(JSON.parse(Buffer.concat(pieces).toString())).toMatchObject({ name: 'pikachu' });
  });

  it('redirectLoop=1 redirects back to the same URL; redirects=N redirects N times, then answers', async () => {
    const loop = await pokemon('?redirectLoop=1', { redirect: 'manual' });
    expect([loop.status, loop.headers.get('location')]).toEqual([301, '/api/v2/pokemon/25?redirectLoop=1']);
    const first = await pokemon('?redirects=2', { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([302, '/api/v2/pokemon/25?redirects=1']);
    const followed = await pokemon('?redirects=2');
    expect([followed.status, followed.redirected, followed.url]).toEqual([200, true, `${server.url}/api/v2/pokemon/25?redirects=0`]);
  });

  it('bodyBytes pads a JSON body that still parses; emptyBody answers 200 with nothing', async () => {
    const large = await pokemon('?bodyBytes=100000');
    expect(Number(large.headers.get('content-length'))).toBe(100_000);
    expect(await large.json()).toMatchObject({ name: 'pikachu', padding: expect.stringMatching(/^x+$/) });
    const empty = await pokemon('?emptyBody=1');
    expect([empty.status, empty.headers.get('content-type'), await empty.text()]).toEqual([200, 'application/json; charset=utf-8', '']);
    expect((await pokemon(`?bodyBytes=${64 * 1024 * 1024 + 1}`)).status).toBe(400);
  });

  it('a query knob wins over the header for the same knob', async () => {
    const res = await pokemon('?status=418', { headers: { 'x-fixture-status': '500' } });
    expect(res.status).toBe(418);
  });

  it.each([
    ['latency=abc', 'Invalid fixture knob latency=abc: expected a number of milliseconds ≥ 0'],
    ['latency=-5', 'Invalid fixture knob latency=-5: expected a number of milliseconds ≥ 0'],
    ['errorRate=2', 'Invalid fixture knob errorRate=2: expected a probability between 0 and 1'],
    ['status=200', 'Invalid fixture knob status=200: expected an integer HTTP status between 400 and 599'],
    ['failTimes=2', 'Invalid fixture knob failTimes=2: expected a key knob as well'],
  ])('rejects %s with 400 and a message naming the knob', async (query, message) => {
    const res = await pokemon(`?${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it('rejects an unknown x-fixture-* header so typos are loud', async () => {
    const res = await pokemon('', { headers: { 'x-fixture-latncy': '100' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('x-fixture-latency');
  });

  it('does not apply knobs to /__stats', async () => {
    expect((await fetch(`${server.url}/__stats?status=500&latency=abc`)).status).toBe(200);
  });

  it('validates options up front', async () => {
    await expect(startFixtureServer({ errorRate: 2 })).rejects.toThrow(InvalidFixtureKnobError);
    expect(() => server.setDefaults({ latencyMs: -1 })).toThrow('Invalid fixture knob latencyMs=-1');
  });
});

describe('seeded randomness', () => {
  it('replays the same fault sequence for the same seed', async () => {
    const run = async () => {
      const server = await startFixtureServer({ seed: 7, errorRate: 0.5 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await fetch(`${server.url}/text`)).status);
        return statuses;
      } finally {
        await server.close();
      }
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});

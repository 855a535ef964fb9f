import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWebApp, type WebApp } from './create-web-app';

const PLUGINS = ['@waitless/strategy-native-async', '@waitless/strategy-worker-threaded', '@waitless/strategy-blocking-sync'];

describe('web API (inject)', () => {
  let web: WebApp;
  let emptyStatic: string;

  beforeAll(async () => {
    emptyStatic = mkdtempSync(path.join(tmpdir(), 'waitless-web-'));
    web = await createWebApp({
      staticDir: emptyStatic,
      waitless: { inline: { strategy: 'native-async', plugins: PLUGINS, allowedBaseUrls: ['https://pokeapi.co'] }, cwd: __dirname },
    });
  });
  afterAll(async () => {
    await web.close();
    rmSync(emptyStatic, { recursive: true, force: true });
  });

  const post = (payload: unknown) => web.app.inject({ method: 'POST', url: '/api/runs', payload: payload as object });

  it('lists the registered strategies with description, profile and the active one', async () => {
    const response = await web.app.inject('/api/strategies');
    expect(response.statusCode).toBe(200);
    const { strategies } = response.json() as { strategies: { name: string; profile: string; active: boolean; description: string }[] };
    expect(strategies.map((s) => [s.name, s.profile, s.active])).toEqual([
      ['native-async', 'concurrent', true],
      ['worker-threaded', 'concurrent', false],
      ['blocking-sync', 'blocking', false],
    ]);
    expect(strategies.every((s) => s.description.length > 10)).toBe(true);
  });

  it('offers the embedded fixture server and the allow-listed base URLs as targets', async () => {
    const { targets } = (await web.app.inject('/api/targets')).json() as { targets: { id: string }[] };
    expect(targets.map((t) => t.id)).toEqual(['fixture', 'https://pokeapi.co']);
  });

  it.each([
    [{ strategy: 'native-async', count: 0 }, 'count'],
    [{ strategy: 'native-async', count: 501 }, 'count'],
    [{ strategy: 'native-async', concurrency: 501 }, 'concurrency'],
    [{ strategy: 'native-async', latencyMs: -1 }, 'latencyMs'],
    [{ strategy: 'native-async', errorRate: 2 }, 'errorRate'],
    [{ strategy: 'native-async', mode: 'turbo' }, 'mode'],
    [{ strategy: 'nativ-async' }, 'strategy'],
    [{ strategy: 'native-async', target: 'http://127.0.0.1:22' }, 'target'],
  ])('answers 400 with a message naming the field for %j', async (payload, field) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: string; field: string };
    expect(body.field).toBe(field);
    expect(body.error).toContain(`Invalid "${field}"`);
  });

  it('answers 400 JSON for a body that is not JSON', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { 'content-type': 'application/json' },
      payload: '{"strategy":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: expect.stringMatching(/JSON/i) });
  });

  it('creates a pending run, and cancels it with DELETE', async () => {
    const created = await post({ strategy: 'blocking-sync', count: 3 });
    expect(created.statusCode).toBe(201);
    const { id, eventsUrl } = created.json() as { id: string; eventsUrl: string };
    expect(eventsUrl).toBe(`/api/runs/${id}/events`);
    expect(web.runs.state(id)).toBe('pending');
    expect((await web.app.inject({ method: 'DELETE', url: `/api/runs/${id}` })).statusCode).toBe(204);
    expect(web.runs.state(id)).toBeUndefined();
    expect((await web.app.inject({ method: 'DELETE', url: `/api/runs/${id}` })).statusCode).toBe(404);
    expect((await web.app.inject(eventsUrl)).statusCode).toBe(404);
  });

  it('says how to build the front end when it is missing', async () => {
    const response = await web.app.inject('/');
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npx nx run web:build');
  });
});

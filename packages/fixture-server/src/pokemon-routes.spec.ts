import { startFixtureServer, type FixtureServer } from './index';

describe('fixture routes', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  const getJson = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${server.url}${path}`, init);
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it('serves a pokemon by id and by name, with PokeAPI-style lowercase names', async () => {
    const byId = await getJson('/api/v2/pokemon/1');
    expect(byId.res.status).toBe(200);
    expect(byId.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(byId.body).toMatchObject({ id: 1, name: 'bulbasaur' });
    expect(byId.body).toEqual(
      expect.objectContaining({
        height: expect.any(Number),
        weight: expect.any(Number),
        base_experience: expect.any(Number),
        types: expect.arrayContaining([{ slot: 1, type: { name: expect.any(String) } }]),
      }),
    );

    const byName = await getJson('/api/v2/pokemon/pikachu/');
    expect(byName.body).toMatchObject({ id: 25, name: 'pikachu' });
    expect((await getJson('/api/v2/pokemon/25')).body).toEqual(byName.body);
    expect((await getJson('/api/v2/pokemon/1025')).body).toMatchObject({ name: 'pecharunt' });
  });

  it.each([
    [29, 'nidoran-f'],
    [32, 'nidoran-m'],
    [83, 'farfetchd'],
    [122, 'mr-mime'],
    [250, 'ho-oh'],
    [669, 'flabebe'],
    [772, 'type-null'],
    [785, 'tapu-koko'],
  ])('normalises the name of #%i to %s', async (id, name) => {
    expect((await getJson(`/api/v2/pokemon/${id}`)).body).toMatchObject({ id, name });
    expect((await getJson(`/api/v2/pokemon/${name}`)).body).toMatchObject({ id, name });
  });

  it.each([
    [386, 'deoxys-normal'],
    [413, 'wormadam-plant'],
    [487, 'giratina-altered'],
    [492, 'shaymin-land'],
    [550, 'basculin-red-striped'],
    [641, 'tornadus-incarnate'],
    [718, 'zygarde-50'],
    [892, 'urshifu-single-strike'],
  ])('names #%i by its default form, %s, as the real PokeAPI does', async (id, name) => {
    expect((await getJson(`/api/v2/pokemon/${id}`)).body).toMatchObject({ id, name });
    expect((await getJson(`/api/v2/pokemon/${name}`)).body).toMatchObject({ id, name });
  });

  it('lists default forms by their PokeAPI names too', async () => {
    const { body } = await getJson('/api/v2/pokemon?offset=385&limit=1');
    expect(body.results).toEqual([{ name: 'deoxys-normal', url: `${server.url}/api/v2/pokemon/386/` }]);
  });

  it.each(['0', '1026', 'missingno', 'pika%2Fchu', 'Pikachu', 'PIKACHU', 'deoxys', 'Mr.%20Mime'])(
    'answers 404 {detail:"Not found."} for pokemon %s, as PokeAPI does',
    async (idOrName) => {
      const { res, body } = await getJson(`/api/v2/pokemon/${idOrName}`);
      expect(res.status).toBe(404);
      expect(body).toEqual({ detail: 'Not found.' });
    },
  );

  it('paginates the list like PokeAPI with absolute URLs to this server', async () => {
    const first = await getJson('/api/v2/pokemon');
    expect(first.body).toMatchObject({
      count: 1025,
      previous: null,
      next: `${server.url}/api/v2/pokemon/?offset=20&limit=20`,
    });
    const results = first.body.results as Array<{ name: string; url: string }>;
    expect(results).toHaveLength(20);
    expect(results[0]).toEqual({ name: 'bulbasaur', url: `${server.url}/api/v2/pokemon/1/` });

    const second = await getJson('/api/v2/pokemon?offset=20&limit=20');
    expect(second.body.previous).toBe(`${server.url}/api/v2/pokemon/?limit=20`);
    expect((second.body.results as Array<{ name: string }>)[0].name).toBe('spearow');

    const middle = await getJson('/api/v2/pokemon/?offset=50&limit=10');
    expect(middle.body.previous).toBe(`${server.url}/api/v2/pokemon/?offset=40&limit=10`);
    expect(middle.body.next).toBe(`${server.url}/api/v2/pokemon/?offset=60&limit=10`);

    const last = await getJson('/api/v2/pokemon?offset=1020&limit=10');
    expect(last.body.next).toBeNull();
    expect(last.body.results).toHaveLength(5);

    const followed = await getJson(new URL(results[7].url).pathname);
    expect(followed.body).toMatchObject({ id: 8, name: 'wartortle' });
  });

  it('falls back to the defaults for a bad limit or offset, as PokeAPI does', async () => {
    const { body } = await getJson('/api/v2/pokemon?limit=abc&offset=-3');
    expect(body.results).toHaveLength(20);
    expect(body.previous).toBeNull();
  });

  it('echoes method, path, query, headers and raw body', async () => {
    const { res, body } = await getJson('/echo?a=1&b=two', {
      method: 'POST',
      headers: { 'x-test': 'round-trip', 'content-type': 'application/json' },
      body: '{"hello":"wörld"}',
    });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      method: 'POST',
      path: '/echo',
      query: { a: '1', b: 'two' },
      headers: expect.objectContaining({ 'x-test': 'round-trip', 'content-type': 'application/json' }),
      body: '{"hello":"wörld"}',
    });

    const put = await getJson('/echo', { method: 'PUT' });
    expect(put.body).toMatchObject({ method: 'PUT', query: {}, body: '' });
  });

  it('serves plain text', async () => {
    const res = await fetch(`${server.url}/text`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('hello from fixture');
  });

  it('answers unknown paths with a 404 listing the routes', async () => {
    const { res, body } = await getJson('/api/v2/berry/1');
    expect(res.status).toBe(404);
    expect(body.error).toContain('No fixture route for GET /api/v2/berry/1');
    expect(body.error).toContain('GET /api/v2/pokemon/:idOrName');
  });

  it('answers 405 with Allow for a write to a read-only route', async () => {
    const { res } = await getJson('/api/v2/pokemon/1', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

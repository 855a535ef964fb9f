import { startFixtureServerProcess, type FixtureServerProcess } from './start-fixture-server-process';

describe('startFixtureServerProcess', () => {
  let server: FixtureServerProcess;

  beforeAll(async () => {
    server = await startFixtureServerProcess({ latencyMs: 0, seed: 1 });
  });
  afterAll(() => server?.close());

  it('serves the fixture on 127.0.0.1 from another process', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(`${server.url}/api/v2/pokemon/25`);
    expect(await response.json()).toMatchObject({ id: 25, name: 'pikachu' });
  });

  it('reads and resets the counters over the control routes', async () => {
    await server.resetStats();
    await (await fetch(`${server.url}/text`)).text();
    await (await fetch(`${server.url}/text?status=503`)).text();
    expect(await server.stats()).toMatchObject({ total: 2, completed: 2, byPath: { '/text': 2 } });
    await server.resetStats();
    expect((await server.stats()).total).toBe(0);
  });

  it('passes its options to the child', async () => {
    const other = await startFixtureServerProcess({ errorRate: 1, errorStatus: 502 });
    try {
      expect((await fetch(`${other.url}/text`)).status).toBe(502);
    } finally {
      await other.close();
    }
  });

  it('stops listening on close, and close can be called twice', async () => {
    const other = await startFixtureServerProcess();
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(`${other.url}/text`)).rejects.toThrow();
  });

  it('rejects with the child error when the server cannot start', async () => {
    await expect(startFixtureServerProcess({ port: 70_000 })).rejects.toThrow(
      /exited with code 1 before it listened\. Its error output: .*port=70000/,
    );
  });
});

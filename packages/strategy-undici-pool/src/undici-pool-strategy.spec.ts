import { NetworkError } from '@waitless/core';
import { getEventListeners, getMaxListeners, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UndiciPoolStrategy } from './undici-pool-strategy';

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('UndiciPoolStrategy', () => {
  const servers: Server[] = [];
  let strategy: UndiciPoolStrategy;

  const start = async (): Promise<string> => {
    const server = createServer((req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('Content-Type', 'text/plain');
      res.end(`${req.method} ${req.url}`);
    });
    servers.push(server);
    return listen(server);
  };

  beforeEach(() => {
    strategy = new UndiciPoolStrategy({ connections: 4, pipelining: 1 });
  });

  afterEach(async () => {
    await strategy.close();
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('keeps one pool per origin and sends the path and query', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const results = await Promise.all([
      strategy.fetch({ url: `${first}/a?x=1` }),
      strategy.fetch({ url: `${first}/b` }),
      strategy.fetch({ url: `${second}/c` }),
    ]);
    expect(results.map((r) => r.body)).toEqual(['GET /a?x=1', 'GET /b', 'GET /c']);
    expect(strategy.origins().sort()).toEqual([first, second].sort());
  });

  it('returns lowercased headers with repeated ones joined', async () => {
    const result = await strategy.fetch({ url: `${await start()}/h` });
    expect(result.headers['content-type']).toBe('text/plain');
    expect(result.headers['set-cookie']).toBe('a=1, b=2');
  });

  it('closes every pool, can be closed twice, and opens fresh pools afterwards', async () => {
    const origin = await start();
    await strategy.fetch({ url: `${origin}/1` });
    await strategy.close();
    await strategy.close();
    expect(strategy.origins()).toEqual([]);
    await expect(strategy.fetch({ url: `${origin}/2` })).resolves.toMatchObject({ status: 200 });
  });

  it('raises the listener limit of a signal shared by many concurrent calls, as undici fetch does', async () => {
    // Each call in flight listens on the caller's signal; at the default limit of 10 the CLI's shared
    // interrupt signal printed MaxListenersExceededWarning. (jest's sandboxed process hides that warning.)
    const origin = await start();
    const { signal } = new AbortController();
    await Promise.all(Array.from({ length: 20 }, (_, i) => strategy.fetch({ url: `${origin}/${i}`, signal })));
    // Node 24 starts signals unlimited (0); Node 20 starts them at 10, which the strategy raises.
    const limit = getMaxListeners(signal);
    expect(limit === 0 || limit >= 1500).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(1);
  });

  it('reports a refused connection as NetworkError', async () => {
    const origin = await start();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const error = await strategy.fetch({ url: `${origin}/gone` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

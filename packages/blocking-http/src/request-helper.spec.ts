import http from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSharedRequestHelper } from './request-helper';

// The built package, as a worker thread loads it (no TypeScript loader there).
const BUILT = path.dirname(require.resolve('@waitless/blocking-http/package.json'));

/** Runs `requestSync` of each of `urls` in turn on a new worker thread and resolves with what it got. */
async function requestOnNewThread(...urls: string[]): Promise<{ status: number; body: unknown }[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { requestSync } = require(workerData.built);
    parentPort.postMessage(workerData.urls.map((url) => {
      const { status, body } = requestSync({ url, maxBodyBytes: 10_000_000 });
      return { status, body };
    }));`;
  const worker = new Worker(code, { eval: true, workerData: { built: BUILT, urls } });
  const [results] = (await once(worker, 'message')) as [{ status: number; body: unknown }[]];
  await worker.terminate();
  return results;
}

describe('startSharedRequestHelper', () => {
  let server: http.Server;
  let url: string;
  let connections = 0;

  beforeAll(async () => {
    // A plain server counting TCP connections: one helper keeps one connection alive for every thread.
    // `/big/<id>` answers a JSON body of a megabyte or two that names its id.
    server = http.createServer((request, response) => {
      const id = /^\/big\/(\d+)$/.exec(request.url ?? '')?.[1];
      if (id === undefined) return response.end('ok');
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: Number(id), padding: String(id).repeat(1_000_000 + Number(id)) }));
    });
    server.on('connection', () => connections++);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  it('gives threads created afterwards one helper: their requests share its keep-alive connection', async () => {
    startSharedRequestHelper();
    // One after another, so each request finds the previous one's connection idle.
    const results = [...(await requestOnNewThread(url)), ...(await requestOnNewThread(url)), ...(await requestOnNewThread(url))];

    expect(results.map(({ status }) => status)).toEqual([200, 200, 200]);
    // A helper per thread would have opened three.
    expect(connections).toBe(1);
  });

  it('hands each of several threads calling at once its own big replies, then its small one', async () => {
    startSharedRequestHelper();
    const ids = [1, 2, 3, 4];

    const results = await Promise.all(ids.map((id) => requestOnNewThread(`${url}big/${id}`, `${url}big/${id + 4}`, url)));

    results.forEach((replies, index) => {
      const [first, second] = [ids[index], ids[index] + 4];
      expect(replies).toEqual([
        { status: 200, body: { id: first, padding: String(first).repeat(1_000_000 + first) } },
        { status: 200, body: { id: second, padding: String(second).repeat(1_000_000 + second) } },
        { status: 200, body: 'ok' },
      ]);
    });
  });
});

import http from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSharedRequestHelper } from './request-helper';

// The built package, as a worker thread loads it (no TypeScript loader there).
const BUILT = path.dirname(require.resolve('@waitless/blocking-http/package.json'));

/** Runs one `requestSync` of `url` on a new worker thread and resolves with the status it got. */
async function requestOnNewThread(url: string): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { requestSync } = require(workerData.built);
    parentPort.postMessage(requestSync({ url: workerData.url }).status);`;
  const worker = new Worker(code, { eval: true, workerData: { built: BUILT, url } });
  const [status] = (await once(worker, 'message')) as [number];
  await worker.terminate();
  return status;
}

describe('startSharedRequestHelper', () => {
  let server: http.Server;
  let url: string;
  let connections = 0;

  beforeAll(async () => {
    // A plain server counting TCP connections: one helper keeps one connection alive for every thread.
    server = http.createServer((_request, response) => response.end('ok'));
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
    const statuses = [await requestOnNewThread(url), await requestOnNewThread(url), await requestOnNewThread(url)];

    expect(statuses).toEqual([200, 200, 200]);
    // A helper per thread would have opened three.
    expect(connections).toBe(1);
  });
});

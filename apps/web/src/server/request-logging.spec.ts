import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createWebApp, type WebApp } from './create-web-app';

const waitless = { inline: { strategy: 'native-async', plugins: ['@waitless/strategy-native-async'] }, cwd: __dirname };

describe('request logging', () => {
  let emptyStatic: string;
  const apps: WebApp[] = [];

  beforeAll(() => (emptyStatic = mkdtempSync(path.join(tmpdir(), 'waitless-web-log-'))));
  afterAll(async () => {
    await Promise.all(apps.map((web) => web.close()));
    rmSync(emptyStatic, { recursive: true, force: true });
  });

  it('writes JSON lines tagged with the request id, taken from X-Request-Id and echoed in the response', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const web = await createWebApp({ staticDir: emptyStatic, waitless, logLevel: 'info', logStream: stream });
    apps.push(web);

    const response = await web.app.inject({ url: '/api/strategies', headers: { 'x-request-id': 'trace-me-42' } });
    expect(response.headers['x-request-id']).toBe('trace-me-42');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { reqId?: string; msg: string; level: number });
    const mine = lines.filter((line) => line.reqId === 'trace-me-42');
    expect(mine.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);

    // Without the header, fastify numbers requests itself, and says which id it chose.
    const second = await web.app.inject('/api/strategies');
    expect(second.headers['x-request-id']).toMatch(/^req-/);
  });

  it('logs at LOG_LEVEL, else only warnings and worse', async () => {
    const previous = process.env['LOG_LEVEL'];
    try {
      delete process.env['LOG_LEVEL'];
      const quiet = await createWebApp({ staticDir: emptyStatic, waitless });
      apps.push(quiet);
      expect(quiet.app.log.level).toBe('warn');
      process.env['LOG_LEVEL'] = 'debug';
      const chatty = await createWebApp({ staticDir: emptyStatic, waitless });
      apps.push(chatty);
      expect(chatty.app.log.level).toBe('debug');
    } finally {
      if (previous === undefined) delete process.env['LOG_LEVEL'];
      else process.env['LOG_LEVEL'] = previous;
    }
  });
});

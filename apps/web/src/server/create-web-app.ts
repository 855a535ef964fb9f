import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { createWaitless } from '@waitless/core';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';
import Fastify, { type FastifyInstance } from 'fastify';
import type { StrategyInfo } from '../shared/run-events';
import { parseRunRequest, RunRequestError } from './run-request-schema';
import { exceedsRunLimit } from './run-duration-limit';
import { DEFAULT_RUN_BUDGETS, RunManager, type RunBudgets } from './run-manager';
import { openSseStream } from './sse-stream';

/** The front end Vite builds (`npx nx run web:build`), beside the server's own build in dist/server. */
export const DEFAULT_STATIC_DIR = path.resolve(__dirname, '..', '..', 'dist', 'client');

/** Options for {@link createWebApp} and {@link startWebServer}. */
export interface WebAppOptions {
  /** Built front end to serve; default `apps/web/dist/client`. */
  staticDir?: string;
  /** Which Waitless config to load (default: search upwards from `cwd` for waitless.config.json, or `WAITLESS_CONFIG`). */
  waitless?: { configPath?: string; inline?: unknown; cwd?: string };
  /** Budgets for runs (see {@link DEFAULT_RUN_BUDGETS}); a run over one is answered 429 with the reason. */
  budgets?: Partial<RunBudgets>;
  /**
   * Level of fastify's logger (pino, JSON lines on stdout, each request's lines tagged with its `reqId`): default the
   * `LOG_LEVEL` environment variable, else `warn`, which leaves out the per-request `info` lines; `silent` turns it off.
   */
  logLevel?: string;
  /** Where log lines go (default stdout). */
  logStream?: NodeJS.WritableStream;
}

/** A ready app: the fastify instance (not listening yet), the embedded fixture server and the runs. */
export interface WebApp {
  app: FastifyInstance;
  /** The embedded fixture server, on a thread of its own so that serving a run's requests never delays the API. */
  fixture: FixtureServerThread;
  runs: RunManager;
  /** Cancels runs, closes fastify and the fixture server. */
  close(): Promise<void>;
}

/** A target a run may send its requests to. */
interface Target {
  id: string;
  label: string;
  baseUrl: string;
}

/**
 * Builds the web app: loads the Waitless registry, starts the embedded fixture server on a free
 * 127.0.0.1 port and wires the API (`/api/strategies`, `/api/targets`, `/api/runs`, the SSE stream)
 * plus the static front end. Runs execute in worker threads, never on this event loop.
 *
 * @example const { app, close } = await createWebApp(); const res = await app.inject('/api/strategies');
 */
export async function createWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const cwd = options.waitless?.cwd ?? process.cwd();
  const waitless = createWaitless({ configPath: options.waitless?.configPath, inline: options.waitless?.inline, cwd });
  const strategies: StrategyInfo[] = waitless.descriptors().map((d) => ({
    name: d.name,
    description: d.description,
    profile: d.profile,
    packageName: d.packageName,
    active: d.name === waitless.activeStrategy.name,
  }));
  const names = strategies.map((s) => s.name);
  // What each strategy's plugin declares for its configured options: the run budget counts these threads too.
  const strategyThreads = Object.fromEntries(names.map((name) => [name, waitless.threads(name)]));
  // The registry only answers questions here; strategies are created inside the run workers.
  await waitless.close();

  const fixture = await startFixtureServerThread({ host: '127.0.0.1', port: 0 });
  const targets: Target[] = [
    { id: 'fixture', label: 'Embedded fixture server', baseUrl: fixture.url },
    ...waitless.config.config.allowedBaseUrls.map((url) => ({ id: url, label: url, baseUrl: url })),
  ];
  const budgets: RunBudgets = { ...DEFAULT_RUN_BUDGETS, ...options.budgets };
  const runs = new RunManager({
    ...budgets,
    // The page opens the stream right after creating a run; a run nobody claims soon must not hold a slot.
    pendingTtlMs: 5_000,
    strategyThreads,
    waitless: { configPath: waitless.config.configPath, inline: options.waitless?.inline, cwd },
  });

  const app = Fastify({
    logger: { level: options.logLevel ?? process.env['LOG_LEVEL'] ?? 'warn', ...(options.logStream && { stream: options.logStream }) },
    // A caller's X-Request-Id becomes the request's id in every log line (fastify numbers requests otherwise).
    requestIdHeader: 'x-request-id',
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    void reply.status(status).send({ error: status === 500 ? `Internal error: ${error.message}` : error.message });
  });

  app.get('/api/strategies', async () => ({ strategies }));

  app.get('/api/targets', async () => ({ targets: targets.map(({ id, label, baseUrl }) => ({ id, label, url: baseUrl })) }));

  app.post('/api/runs', async (request, reply) => {
    let params;
    try {
      params = parseRunRequest(
        request.body,
        names,
        targets.map((t) => t.id),
      );
    } catch (error) {
      if (error instanceof RunRequestError) return reply.status(400).send({ error: error.message, field: error.field });
      throw error;
    }
    const target = targets.find((t) => t.id === params.target) as Target;
    const tooLong = exceedsRunLimit(params, strategies.find((s) => s.name === params.strategy)?.profile ?? 'concurrent', budgets.maxRunMs);
    if (tooLong) return reply.status(400).send({ error: tooLong, field: 'count' });
    const created = runs.create(params, { baseUrl: target.baseUrl, fixtureKnobs: target.id === 'fixture' }, request.ip);
    if (!created.ok) return reply.status(429).send({ error: created.reason });
    return reply.status(201).send({ id: created.id, eventsUrl: `/api/runs/${created.id}/events` });
  });

  app.get<{ Params: { id: string } }>('/api/runs/:id/events', (request, reply) => {
    const { id } = request.params;
    const state = runs.state(id);
    if (state !== 'pending') {
      const message = state ? `Run ${id} is already streaming to another client.` : `No pending run ${id}. Create one with POST /api/runs.`;
      return reply.status(state ? 409 : 404).send({ error: message });
    }
    reply.hijack();
    const sink = openSseStream(reply.raw, () => runs.cancel(id));
    runs.attach(id, sink);
  });

  app.delete<{ Params: { id: string } }>('/api/runs/:id', async (request, reply) => {
    if (!runs.cancel(request.params.id)) return reply.status(404).send({ error: `No active run ${request.params.id}.` });
    return reply.status(204).send();
  });

  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  if (existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir });
  } else {
    app.get('/', async (_request, reply) =>
      reply.status(503).type('text/plain').send(`The front end is not built (${staticDir} has no index.html). Run: npx nx run web:build`),
    );
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    fixture,
    runs,
    close() {
      closing ??= (async () => {
        await runs.closeAll();
        await app.close();
        await fixture.close();
      })();
      return closing;
    },
  };
}

/** A listening web server. */
export interface WebServer extends WebApp {
  url: string;
}

/**
 * Starts the web app on `host:port` (default 127.0.0.1, port 0 = a free one).
 *
 * @example const server = await startWebServer({ port: 4300 }); console.log(server.url);
 */
export async function startWebServer(options: WebAppOptions & { host?: string; port?: number } = {}): Promise<WebServer> {
  const web = await createWebApp(options);
  try {
    const address = await web.app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    return { ...web, url: address };
  } catch (error) {
    await web.close();
    throw error;
  }
}

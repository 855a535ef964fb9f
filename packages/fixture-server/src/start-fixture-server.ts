import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveRequestFaults, type RequestFaults } from './fault-knobs';
import { DEFAULT_FAULT_OPTIONS, validateFaultOptions, type FaultOptions } from './fault-options';
import { jsonResponse, type FixtureResponse } from './fixture-response';
import { routeNeedsBody, routeRequest } from './fixture-routes';
import type { FixtureServer } from './fixture-server';
import type { FixtureServerOptions } from './fixture-server-options';
import { InvalidFixtureKnobError } from './invalid-fixture-knob-error';
import { mulberry32 } from './mulberry32';
import { PokemonCatalog } from './pokemon-catalog';
import { StatsRecorder, type RequestTicket } from './stats-recorder';

const KEEP_ALIVE_TIMEOUT_MS = 5_000;
// Benchmarks open 1000+ sockets at once; the kernel still caps this at net.core.somaxconn.
const LISTEN_BACKLOG = 4_096;
// A trickling body arrives in this many pieces, `trickleMs` apart.
const TRICKLE_PIECES = 8;

/** One request/response pair while the server works on it. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  readonly ticket: RequestTicket;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
  reset: boolean;
}

/**
 * Starts an offline PokeAPI-compatible server with latency and fault injection, resolved once it
 * listens. Close it with `close()` (tests: in `afterAll`).
 *
 * @example
 * ```ts
 * const server = await startFixtureServer({ latencyMs: 50 });
 * const res = await fetch(`${server.url}/api/v2/pokemon/25?errorRate=0.5`);
 * await server.close();
 * ```
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const { host = '127.0.0.1', port = 0, seed, ...faultOptions } = options;
  if (typeof host !== 'string' || host === '') throw new InvalidFixtureKnobError('host', host, 'a host name or IP address');
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidFixtureKnobError('port', port, 'an integer port between 0 and 65535');
  if (seed !== undefined && !Number.isFinite(seed)) throw new InvalidFixtureKnobError('seed', seed, 'a finite number');

  let defaults: FaultOptions = { ...DEFAULT_FAULT_OPTIONS, ...validateFaultOptions(faultOptions) };
  const random = seed === undefined ? Math.random : mulberry32(seed);
  const chance = (rate: number): boolean => rate > 0 && (rate >= 1 || random() < rate);
  const catalog = new PokemonCatalog();
  const recorder = new StatsRecorder();
  const failCounts = new Map<string, number>();
  let baseUrl = '';

  const send = (ex: Exchange, response: FixtureResponse, faults?: RequestFaults): void => {
    if (ex.closed) return;
    const { res } = ex;
    const { body } = response;
    res.writeHead(response.status, {
      'content-type': response.contentType,
      'content-length': body.length,
      ...response.headers,
    });
    const half = Math.max(1, body.length >> 1);
    if (faults && body.length > 0 && chance(faults.resetMidBodyRate)) {
      // Headers and half the promised body, then a dead socket: the client sees the reset mid-read.
      res.write(body.subarray(0, half), () => {
        ex.reset = true;
        ex.req.socket.destroy();
      });
    } else if (faults && faults.trickleMs > 0 && body.length > 0) {
      trickle(ex, body, faults.trickleMs);
    } else if (faults && faults.slowBodyMs > 0 && body.length > 0) {
      res.write(body.subarray(0, half));
      ex.timer = setTimeout(() => {
        ex.timer = undefined;
        if (!ex.closed) res.end(body.subarray(half));
      }, faults.slowBodyMs);
    } else {
      res.end(body);
    }
  };

  const trickle = (ex: Exchange, body: Buffer, intervalMs: number): void => {
    const pieceLength = Math.ceil(body.length / TRICKLE_PIECES);
    let offset = 0;
    const next = (): void => {
      ex.timer = undefined;
      if (ex.closed) return;
      const piece = body.subarray(offset, offset + pieceLength);
      offset += piece.length;
      if (offset >= body.length) return void ex.res.end(piece);
      ex.res.write(piece);
      ex.timer = setTimeout(next, intervalMs);
    };
    next();
  };

  const injectedError = (status: number, message: string, faults: RequestFaults): FixtureResponse =>
    jsonResponse(
      status,
      { error: message },
      faults.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(faults.retryAfterSeconds) },
    );

  const respond = (ex: Exchange, faults: RequestFaults, body: string): void => {
    let response = routeRequest(
      { method: ex.req.method ?? 'GET', path: ex.path, query: ex.query, headers: ex.req.headers, body },
      catalog,
      baseUrl,
    );
    if (response.json && response.status === 200 && chance(faults.emptyBodyRate)) {
      response = { ...response, body: Buffer.alloc(0) };
    } else if (response.json && faults.bodyBytes !== undefined) {
      response = { ...response, body: padJson(response.body, faults.bodyBytes) };
    }
    if (response.json && chance(faults.invalidJsonRate)) {
      // Half a JSON document never parses; the content type still promises JSON.
      response = { ...response, body: response.body.subarray(0, Math.max(1, response.body.length >> 1)) };
    }
    send(ex, response, faults);
  };

  const afterLatency = (ex: Exchange, faults: RequestFaults, failAttempt: number | undefined): void => {
    if (ex.closed) return;
    if (chance(faults.resetRate)) {
      ex.reset = true;
      ex.req.socket.destroy();
      return;
    }
    if (chance(faults.redirectLoopRate)) return send(ex, redirectTo(301, ex.req.url ?? '/'));
    if (faults.redirects !== undefined && faults.redirects > 0) {
      const query = new URLSearchParams(ex.query);
      query.set('redirects', String(faults.redirects - 1));
      return send(ex, redirectTo(302, `${ex.path}?${query}`));
    }
    if (faults.status !== undefined) {
      return send(
        ex,
        injectedError(faults.status, `Forced status ${faults.status} (fixture knob status=${faults.status})`, faults),
        faults,
      );
    }
    if (failAttempt !== undefined) {
      const knob = `fixture knob failTimes=${faults.failTimes}`;
      const message = `Injected failure ${failAttempt} of ${faults.failTimes} for key "${faults.key}" (${knob})`;
      return send(ex, injectedError(faults.errorStatus, message, faults), faults);
    }
    if (chance(faults.errorRate)) {
      const message = `Injected error ${faults.errorStatus} (fixture knob errorRate=${faults.errorRate})`;
      return send(ex, injectedError(faults.errorStatus, message, faults), faults);
    }
    if (!routeNeedsBody(ex.path)) return respond(ex, faults, '');
    const chunks: Buffer[] = [];
    ex.req.on('data', (chunk: Buffer) => chunks.push(chunk));
    ex.req.on('end', () => respond(ex, faults, Buffer.concat(chunks).toString('utf8')));
  };

  const onClose = (ex: Exchange): void => {
    if (ex.timer) clearTimeout(ex.timer);
    ex.timer = undefined;
    ex.closed = true;
    const finished = ex.res.writableFinished;
    recorder.end(ex.ticket, {
      status: finished ? ex.res.statusCode : undefined,
      aborted: !finished && !ex.reset,
      reset: ex.reset,
    });
  };

  const control = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    let response: FixtureResponse;
    if (path === '/__stats' && (req.method === 'GET' || req.method === 'HEAD')) {
      response = jsonResponse(200, recorder.snapshot());
    } else if (path === '/__reset' && req.method === 'POST') {
      resetStats();
      response = jsonResponse(200, { ok: true });
    } else {
      const allow = path === '/__stats' ? 'GET, HEAD' : 'POST';
      response = jsonResponse(405, { error: `Method ${req.method} is not allowed on ${path}. Use ${allow}.` }, { allow });
    }
    res.writeHead(response.status, { 'content-type': response.contentType, 'content-length': response.body.length, ...response.headers });
    res.end(response.body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (path === '/__stats' || path === '/__reset') return control(req, res, path);

    const query = q === -1 || q === url.length - 1 ? undefined : new URLSearchParams(url.slice(q + 1));
    const ex: Exchange = {
      req,
      res,
      path,
      query,
      ticket: recorder.start(req.method ?? 'GET', path),
      timer: undefined,
      closed: false,
      reset: false,
    };
    res.on('close', () => onClose(ex));

    let faults: RequestFaults;
    try {
      faults = resolveRequestFaults(query, req.headers, defaults);
    } catch (error) {
      if (!(error instanceof InvalidFixtureKnobError)) throw error;
      return send(ex, jsonResponse(400, { error: error.message }));
    }

    let failAttempt: number | undefined;
    if (faults.failTimes !== undefined && faults.key !== undefined) {
      // Counted on arrival, so the first `failTimes` requests to arrive are the ones that fail.
      const attempt = (failCounts.get(faults.key) ?? 0) + 1;
      failCounts.set(faults.key, attempt);
      if (attempt <= faults.failTimes) failAttempt = attempt;
    }

    let delay = faults.latencyMs;
    if (faults.jitterMs > 0) delay = Math.max(0, delay + (random() * 2 - 1) * faults.jitterMs);
    if (delay > 0) {
      ex.timer = setTimeout(() => {
        ex.timer = undefined;
        afterLatency(ex, faults, failAttempt);
      }, delay);
    } else {
      afterLatency(ex, faults, failAttempt);
    }
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) {
        const body = Buffer.from(JSON.stringify({ error: `Fixture server failed: ${(error as Error).message}` }));
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
        res.end(body);
      } else {
        res.destroy();
      }
    }
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          `Fixture server could not listen on ${host}:${port}: ${error.code ?? error.message}. Pick another port, or 0 for a free one.`,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen({ host, port, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const boundPort = (server.address() as AddressInfo).port;
  baseUrl = `http://${displayHost(host)}:${boundPort}`;

  function resetStats(): void {
    recorder.reset();
    failCounts.clear();
  }

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port: boundPort,
    events: recorder.events,
    stats: () => recorder.snapshot(),
    resetStats,
    waitForRequests: (n, opts) => recorder.waitForRequests(n, opts?.signal),
    setDefaults(partial) {
      const next = { ...defaults };
      for (const [key, value] of Object.entries(partial)) {
        if (value === undefined && key in next) {
          const k = key as keyof FaultOptions;
          if (DEFAULT_FAULT_OPTIONS[k] === undefined) delete next[k];
          else (next[k] as number) = DEFAULT_FAULT_OPTIONS[k] as number;
        }
      }
      defaults = { ...next, ...validateFaultOptions(partial) };
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        recorder.rejectWaiters(new Error(`Fixture server ${baseUrl} closed while waitForRequests was still waiting.`));
      });
      return closing;
    },
  };
}

function redirectTo(status: number, location: string): FixtureResponse {
  return jsonResponse(status, { error: `Redirected to ${location} (fixture redirect knob)` }, { location });
}

/** A JSON object body grown to at least `bytes` with a `padding` field; anything else is left as is. */
function padJson(body: Buffer, bytes: number): Buffer {
  const missing = bytes - body.length - ',"padding":""'.length;
  if (missing <= 0 || body.at(-1) !== 0x7d /* } */ || body.length < 2) return body;
  const comma = body.length > 2 ? ',' : '';
  return Buffer.concat([body.subarray(0, -1), Buffer.from(`${comma}"padding":"`), Buffer.alloc(missing, 'x'), Buffer.from('"}')]);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

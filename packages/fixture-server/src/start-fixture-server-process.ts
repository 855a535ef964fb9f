import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FixtureServerOptions } from './fixture-server-options';
import type { FixtureStats } from './fixture-stats';

/**
 * The fixture server running in a child process: its work neither competes with the caller's event
 * loop nor counts in the caller's memory, and it keeps answering while the caller's thread blocks.
 * The counters are read over the control routes (`/__stats`, `/__reset`).
 */
export interface FixtureServerProcess {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The bound port (useful when started on port 0). */
  readonly port: number;
  /** A snapshot of the request counters since the last reset. */
  stats(): Promise<FixtureStats>;
  /** Zeroes the counters, the request log and the `failTimes` attempt counts. */
  resetStats(): Promise<void>;
  /** Stops the server and resolves once its process has exited. Idempotent. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts the fixture server in a child process (on a free port unless `options.port` says otherwise)
 * and resolves once it listens. The child exits when `close()` ends its stdin, so it also goes away
 * when the caller dies.
 *
 * @example
 * ```ts
 * const server = await startFixtureServerProcess({ latencyMs: 20 });
 * await fetch(`${server.url}/api/v2/pokemon/25`);
 * expect((await server.stats()).total).toBe(1);
 * await server.close();
 * ```
 */
export function startFixtureServerProcess(options: FixtureServerOptions = {}): Promise<FixtureServerProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'fixture-server-process-entry.cjs'), JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (child.stdin.end(), exited);
    return closing;
  };
  let url = '';
  const control = (path: string, init?: RequestInit): Promise<Response> => fetch(`${url}${path}`, init);

  return new Promise((resolve, reject) => {
    // Until it listens, the child's stderr is kept for the error message; afterwards it goes to ours.
    let startupErrors = '';
    const keepStartupErrors = (chunk: Buffer): void => void (startupErrors += chunk.toString('utf8'));
    child.stderr.on('data', keepStartupErrors);
    const lines = createInterface({ input: child.stdout });
    const fail = (message: string): void => {
      clearTimeout(timer);
      lines.close();
      child.kill();
      const detail = startupErrors.trim();
      reject(new Error(`The fixture server process ${message}${detail ? ` Its error output: ${detail}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not report its URL within ${READY_TIMEOUT_MS / 1000} s.`), READY_TIMEOUT_MS);
    // 'close', not 'exit': by then its stderr has been read to the end.
    const onEarlyExit = (code: number | null): void => fail(`exited with code ${code} before it listened.`);
    child.once('close', onEarlyExit);
    child.once('error', (error) => fail(`could not start: ${error.message}.`));
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('close', onEarlyExit);
      lines.close();
      child.stderr.off('data', keepStartupErrors);
      if (startupErrors) process.stderr.write(startupErrors);
      child.stderr.pipe(process.stderr, { end: false });
      let ready: { url: string; port: number };
      try {
        ready = JSON.parse(line) as { url: string; port: number };
      } catch {
        fail(`printed "${line}" instead of {"url": …, "port": …}.`);
        return;
      }
      url = ready.url;
      resolve({
        url,
        port: ready.port,
        stats: async () => (await (await control('/__stats')).json()) as FixtureStats,
        resetStats: async () => {
          await (await control('/__reset', { method: 'POST' })).text();
        },
        close,
      });
    });
  });
}

import path from 'node:path';
import { createInterface } from 'node:readline';
import { spawnTsx } from './tsx-child';

/** The fixture server running in its own process, so serving never competes with a client's event loop. */
export interface FixtureProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops the server and waits for its process to exit. Safe to call twice. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts `@waitless/fixture-server` on a free port in a child process with no latency by default;
 * scenarios ask for latency per request (`?latency=100`). The child exits when we close its stdin,
 * so it also goes away if the bench itself dies.
 */
export async function startFixtureProcess(): Promise<FixtureProcess> {
  const child = spawnTsx(path.join(__dirname, 'serve-fixture.ts'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { stdin, stdout } = child;
  if (!stdin || !stdout) throw new Error('Fixture server process started without piped stdin/stdout.');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (stdin.end(), exited);
    return closing;
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string): void => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`Fixture server process ${message}`));
    };
    const timer = setTimeout(() => fail(`did not report its URL within ${READY_TIMEOUT_MS / 1000} s.`), READY_TIMEOUT_MS);
    const onEarlyExit = (code: number | null): void => fail(`exited early with code ${code}; its error is above.`);
    child.once('exit', onEarlyExit);
    const lines = createInterface({ input: stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      lines.close();
      try {
        resolve({ url: (JSON.parse(line) as { url: string }).url, close });
      } catch {
        fail(`printed "${line}" instead of {"url": …}.`);
      }
    });
  });
}

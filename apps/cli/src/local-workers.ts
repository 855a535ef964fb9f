import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { GlobalOptions } from './global-options';

const BIN = resolve(__dirname, '..', 'bin', 'waitless.js');
const READY = /^waitless worker ready/;

/** `waitless worker` processes started on this host for one command run; see {@link startLocalWorkers}. */
export interface LocalWorkers {
  readonly count: number;
  /** Stops every worker (SIGTERM: they finish jobs in flight) and resolves once all have exited. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts `count` `waitless worker` processes on the same config as this run, so the `distributed` strategy has
 * workers without a second terminal; resolves once every one takes jobs. A worker that fails to start (Redis
 * unreachable, bad config) stops the others and rejects with its own one-line message.
 * @example const workers = await startLocalWorkers(2, globals); try { ... } finally { await workers.close(); }
 */
export async function startLocalWorkers(count: number, globals: GlobalOptions): Promise<LocalWorkers> {
  const args = [BIN, ...(globals.config ? ['--config', globals.config] : []), 'worker'];
  const children = Array.from({ length: count }, () => spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= Promise.all(children.map(stop)).then(() => undefined);
    return closing;
  };
  try {
    await Promise.all(children.map(ready));
  } catch (error) {
    await close();
    throw error;
  }
  return { count, close };
}

function ready(child: ChildProcess): Promise<void> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!READY.test(line)) return;
      lines.close();
      // Their throughput lines would interleave with this command's output; their errors still show.
      child.stdout?.resume();
      child.stderr?.pipe(process.stderr);
      resolveReady();
    });
    child.once('exit', (code) => reject(new Error(errors.trim().replace(/^waitless: /, '') || `a local worker exited with code ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FixtureStats } from '@waitless/fixture-server';

/** A fixture server in a child process, driven over its control routes (`/__stats`, `/__reset`). */
export interface FixtureProcess {
  url: string;
  pid: number;
  stats(): Promise<FixtureStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** Starts `fixture-child.ts` under tsx and resolves once it prints its URL. */
export async function startFixtureProcess(options: { latencyMs?: number } = {}): Promise<FixtureProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixture-child.ts')], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, FIXTURE_LATENCY_MS: String(options.latencyMs ?? 0) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (!child.stdout || child.pid === undefined) throw new Error('Could not start the fixture child process.');
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`Fixture child exited with code ${code} before printing its URL.`)));
  });
  lines.close();
  return {
    url,
    pid: child.pid,
    stats: async () => (await (await fetch(`${url}/__stats`)).json()) as FixtureStats,
    resetStats: async () => {
      await (await fetch(`${url}/__reset`, { method: 'POST' })).text();
    },
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

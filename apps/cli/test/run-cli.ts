import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace root: the CLI runs from here, so it finds the root waitless.config.json. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const BIN = resolve(__dirname, '../bin/waitless.js');

/** How a CLI run ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running CLI child process. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout matches `pattern` (event-driven, no polling). */
  waitForStdout(pattern: RegExp): Promise<void>;
  exited: Promise<CliResult>;
}

/**
 * Spawns `node apps/cli/bin/waitless.js …` against the embedded fixture server, with colour off and
 * no WAITLESS_* variables leaking in from the shell running the tests.
 */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WAITLESS_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: WORKSPACE_ROOT, env: { ...base, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliResult>((resolveExit, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolveExit({ code, stdout, stderr }));
  });
  const waitForStdout = (pattern: RegExp): Promise<void> =>
    new Promise((resolveMatch, reject) => {
      if (pattern.test(stdout)) return resolveMatch();
      const onData = (): void => {
        if (!pattern.test(stdout)) return;
        child.stdout.off('data', onData);
        resolveMatch();
      };
      child.stdout.on('data', onData);
      void exited.then(() => reject(new Error(`The CLI exited before stdout matched ${pattern}.\nstdout:\n${stdout}\nstderr:\n${stderr}`)));
    });
  return { child, waitForStdout, exited };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return spawnCli(args, env).exited;
}

/** Strategy names from `waitless strategies` (the second column of its table). */
export function parseStrategyNames(strategiesOutput: string): string[] {
  const lines = strategiesOutput.split('\n');
  const rule = lines.findIndex((line) => /^-+\s+-+/.test(line));
  const names: string[] = [];
  for (const line of lines.slice(rule + 1)) {
    if (line.trim() === '') break;
    names.push(line.slice(3).split(/\s+/)[0]);
  }
  return names;
}

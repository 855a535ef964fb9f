import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ColdStartArgs, ColdStartSample } from './scenario-protocol';

const COLD_START_SCRIPT = path.join(__dirname, 'scenarios', 'cold-start.mjs');
// A cold start that takes longer than this is killed and reported.
const TIMEOUT_MS = 2 * 60_000;

/**
 * Times one cold start: a fresh `node` process (no tsx, no inherited NODE_OPTIONS) running
 * `scenarios/cold-start.mjs` on the built packages, from just before the spawn to its `first` and
 * `done` lines and to its exit. With `args` null the process runs an empty script instead: the floor
 * of every sample. Without built packages the child fails (main warns about that before the run).
 *
 * @example const { firstResultMs, gatherMs, exitMs } = await sampleColdStart({ url, strategy: 'native-async', ... });
 */
export function sampleColdStart(args: ColdStartArgs | null): Promise<ColdStartSample> {
  // A loader in NODE_OPTIONS (tsx, a profiler) would make it a warm start of something else.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const argv = args ? [COLD_START_SCRIPT, JSON.stringify(args)] : ['-e', ''];
  const startedAt = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'], env });
  return new Promise((resolve, reject) => {
    const seenAt: Partial<Record<'first' | 'done', number>> = {};
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // Timestamp the lines as they arrive; everything else waits for the exit.
      stdout += chunk;
      for (const line of ['first', 'done'] as const) {
        if (seenAt[line] === undefined && stdout.includes(`${line}\n`)) seenAt[line] = performance.now() - startedAt;
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start the cold-start child: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      const exitMs = performance.now() - startedAt;
      clearTimeout(timer);
      const what = args ? `strategy ${args.strategy}` : 'empty script';
      if (code !== 0) {
        reject(new Error(`Cold start (${what}) exited with ${signal ?? `code ${code}`}; its error is above.`));
        return;
      }
      if (args && (seenAt.first === undefined || seenAt.done === undefined)) {
        reject(new Error(`Cold start (${what}) exited without printing its first result and the end of its gather.`));
        return;
      }
      resolve({ firstResultMs: seenAt.first ?? null, gatherMs: seenAt.done ?? null, exitMs });
    });
  });
}

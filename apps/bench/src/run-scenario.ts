import path from 'node:path';
import type { ScenarioName, ScenarioTypes, Skipped } from './scenario-protocol';
import { spawnTsx } from './tsx-child';

// A scenario child that runs longer than this is killed and reported.
const TIMEOUT_MS = 10 * 60_000;

/**
 * Runs one scenario in its own child process (`src/scenarios/<name>.ts`) and resolves with the one
 * JSON line it prints, or `{ skipped }` when its client is not installed. Its stderr goes to ours.
 *
 * @example
 * const seed = await runScenario('seed', {
 *   url, client: 'native-async', mode: 'concurrent', requests: 4, latencyMs: 20, repetitions: 1, poolSize: 4,
 * });
 */
export function runScenario<N extends ScenarioName>(
  name: N,
  args: ScenarioTypes[N]['args'],
): Promise<ScenarioTypes[N]['result'] | Skipped> {
  const file = path.join(__dirname, 'scenarios', `${name}.ts`);
  const child = spawnTsx(file, [JSON.stringify(args)]);
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Scenario ${name} (${describeArgs(args)}) did not finish within ${TIMEOUT_MS / 1000} s and was killed.`));
    }, TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start scenario ${name}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`Scenario ${name} (${describeArgs(args)}) exited with ${signal ?? `code ${code}`}; its error is above.`));
        return;
      }
      try {
        resolve(parseLastJsonLine(stdout) as ScenarioTypes[N]['result'] | Skipped);
      } catch (error) {
        reject(new Error(`Scenario ${name} (${describeArgs(args)}) printed no JSON result: ${(error as Error).message}`));
      }
    });
  });
}

/** Parses the last non-empty line of a child's stdout: the result (anything before it is ignored). */
export function parseLastJsonLine(stdout: string): unknown {
  const line = stdout.trimEnd().split('\n').pop() ?? '';
  if (line === '') throw new Error('stdout was empty');
  return JSON.parse(line);
}

/** True when a scenario result says its client was not available. */
export function isSkipped(result: object): result is Skipped {
  return 'skipped' in result;
}

function describeArgs(args: object): string {
  const client = (args as { client?: string }).client;
  return client ? `client ${client}` : 'no client';
}

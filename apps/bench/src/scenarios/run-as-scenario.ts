import path from 'node:path';
import type { Skipped } from '../scenario-protocol';

/**
 * The body of every scenario child: reads the JSON argument, runs `measure`, and prints its result as
 * one JSON line on stdout (the parent reads the last line). Failures go to stderr with exit code 1.
 */
export function runAsScenario<A, R>(measure: (args: A) => Promise<R | Skipped>): void {
  const name = path.basename(process.argv[1] ?? 'scenario', '.ts');
  let args: A;
  try {
    args = JSON.parse(process.argv[2] ?? '') as A;
  } catch {
    console.error(`bench scenario ${name}: expected one JSON argument, got ${JSON.stringify(process.argv[2])}.`);
    process.exitCode = 2;
    return;
  }
  measure(args).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: Error) => {
      console.error(`bench scenario ${name}: ${error.stack ?? error.message}`);
      process.exitCode = 1;
    },
  );
}

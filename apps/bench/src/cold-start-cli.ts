// Cold start of the built CLI, two strategies side by side:
//   npx tsx apps/bench/src/cold-start-cli.ts [runs=5] [strategy=worker-threaded] [baseline=native-async]
// Each run is a fresh `node apps/cli/bin/waitless.js names --strategy <s> --mode gather --count 20
// --concurrency 20 --latency 100` process (no warm-up, no tsx, no inherited NODE_OPTIONS), timed from just
// before the spawn to its exit; the two strategies alternate so both see the same machine. Prints each
// sample, the medians and their ratio. Build first: `npx nx run cli:build`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { median, round } from './stats';

const CLI = path.join(__dirname, '..', '..', 'cli', 'bin', 'waitless.js');
const NAMES_ARGS = ['--mode', 'gather', '--count', '20', '--concurrency', '20', '--latency', '100'];

function timeOnce(strategy: string): Promise<number> {
  const env = { ...process.env };
  // A loader or profiler in NODE_OPTIONS would make it a warm start of something else.
  delete env.NODE_OPTIONS;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [CLI, 'names', '--strategy', strategy, ...NAMES_ARGS], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - startedAt);
      else reject(new Error(`waitless names --strategy ${strategy} exited with ${code}; its error is above.`));
    });
  });
}

async function main(): Promise<void> {
  const [runsArg = '5', strategy = 'worker-threaded', baseline = 'native-async'] = process.argv.slice(2);
  const runs = Number(runsArg);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got "${runsArg}".`);
  const samples = new Map<string, number[]>([
    [strategy, []],
    [baseline, []],
  ]);
  for (let run = 1; run <= runs; run++) {
    for (const name of [strategy, baseline]) {
      const ms = await timeOnce(name);
      samples.get(name)?.push(ms);
      console.log(`run ${run}  ${name.padEnd(16)} ${Math.round(ms)} ms`);
    }
  }
  const [ours, theirs] = [median(samples.get(strategy) ?? []), median(samples.get(baseline) ?? [])];
  console.log(
    `median of ${runs}: ${strategy} ${Math.round(ours)} ms, ${baseline} ${Math.round(theirs)} ms, ratio ${round(ours / theirs, 2)}×`,
  );
  console.log(`command: node apps/cli/bin/waitless.js names --strategy <s> ${NAMES_ARGS.join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

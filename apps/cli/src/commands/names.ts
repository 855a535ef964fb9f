import { Option, type Command } from 'commander';
import { errorRateOption, latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { fetchRandomNames, isConcurrentMode, WORKLOAD_MODES, type WorkloadMode } from '../name-workload';
import { positiveInt } from '../option-parsers';
import { createProgress } from '../progress';
import { RequestTally } from '../request-tally';
import { openRuntime } from '../runtime';
import { createStyle } from '../style';
import { formatMs } from '../timing';

interface NamesOptions {
  count: number;
  mode: WorkloadMode;
  concurrency: number;
  latency: number;
  errorRate: number;
}

/** `waitless names`: random Pokémon names on the active strategy, with the total wall time. */
export function registerNames(program: Command): void {
  program
    .command('names')
    .description('Fetch random Pokémon names on the active strategy and print the total wall time.')
    .option('--count <n>', 'how many names', positiveInt, 20)
    .addOption(
      new Option('--mode <mode>', 'how to fetch them; sequential and generator are SEQUENTIAL (one request at a time)')
        .choices(WORKLOAD_MODES)
        .default('sequential'),
    )
    .option('--concurrency <n>', 'most requests in flight for gather and stream', positiveInt, 10)
    .addOption(latencyOption(100))
    .addOption(errorRateOption())
    .addHelpText(
      'after',
      `
Modes:
  sequential  a for-await loop over sequence(): one request at a time (SEQUENTIAL)
  generator   an async generator that yields each name: also one at a time (SEQUENTIAL)
  gather      gather() with at most --concurrency requests in flight; names printed at the end
  stream      mapStream(): names printed as they arrive, completion order
${examples(
  'waitless names --count 20 --mode gather --concurrency 10',
  'waitless --strategy blocking-sync names --count 5',
  'waitless names --mode stream --base-url https://pokeapi.co',
)}`,
    )
    .action(commandAction<NamesOptions>(runNames));
}

async function runNames({ options, globals, interrupt, out }: CommandRun<NamesOptions>): Promise<ExitCodeValue> {
  const runtime = await openRuntime(globals, { latencyMs: options.latency, errorRate: options.errorRate });
  const style = createStyle(out);
  const progress = createProgress();
  const tally = new RequestTally();
  try {
    const strategyName = runtime.waitless.activeStrategy.name;
    const strategy = runtime.waitless.strategy();
    let settled = 0;
    const started = performance.now();
    const concurrent = isConcurrentMode(options.mode);
    const printName = (n: number, name: string, atMs: number): void => {
      progress.print(out, `${String(n).padStart(String(options.count).length)}  ${name.padEnd(24)} ${style.dim(`+${formatMs(atMs)}`)}\n`);
    };
    let printed = 0;
    const names = await fetchRandomNames({
      strategy,
      baseUrl: runtime.baseUrl,
      count: options.count,
      mode: options.mode,
      concurrency: options.concurrency,
      signal: interrupt.signal,
      tally,
      // gather hands back all names at the end, in input order; the other modes print as they go.
      onName: options.mode === 'gather' ? undefined : (fetched) => printName(++printed, fetched.name, fetched.atMs),
      onSettled: () => progress.update(`names: ${strategyName} ${++settled}/${options.count}`),
    });
    const wallMs = performance.now() - started;
    progress.stop();
    if (options.mode === 'gather') for (const fetched of names) printName(++printed, fetched.name, fetched.atMs);

    const how = concurrent ? `${options.mode}, concurrency ${options.concurrency}` : `${options.mode}, one request at a time`;
    const counts = `${tally.ok} ok, ${tally.failed} failed${tally.aborted ? `, ${tally.aborted} aborted` : ''}`;
    if (interrupt.interrupted) {
      out.write(
        `${style.yellow('interrupted')}: ${names.length} of ${options.count} names in ${formatMs(wallMs)} ` +
          `on ${strategyName} (${how}); ${counts}\n`,
      );
    } else {
      out.write(`${style.bold(`${names.length} names in ${formatMs(wallMs)}`)} on ${strategyName} (${how}); ${counts}\n`);
    }
    if (tally.failed > 0) {
      out.write(`${style.red('failed')}: ${tally.failureSummary()}\n`);
      for (const example of tally.failureExamples()) out.write(`  e.g. ${example}\n`);
    }
    return interrupt.interrupted ? ExitCode.interrupted : tally.exitCode();
  } finally {
    progress.stop();
    await runtime.close();
  }
}

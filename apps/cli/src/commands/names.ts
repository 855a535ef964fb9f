import { Option, type Command } from 'commander';
import { errorRateOption, latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { fetchRandomNames, isConcurrentMode, WORKLOAD_MODES, type WorkloadMode } from '../name-workload';
import { concurrency as concurrencyOption, count, defaultConcurrency, MAX_CONCURRENCY, MAX_COUNT } from '../option-parsers';
import { createProgress } from '../progress';
import { RequestTally } from '../request-tally';
import { openRuntime } from '../runtime';
import { createStyle } from '../style';
import { formatMs } from '../timing';
import { startUpNote, timeStartUp, type StartUp } from '../warm-up';

interface NamesOptions {
  count: number;
  mode: WorkloadMode;
  /** Unset: unbounded, every request in flight at once (asyncio.gather's behaviour). */
  concurrency?: number;
  /** `--no-warm-up` sets it false: start-up is then inside the timed run. */
  warmUp: boolean;
  latency: number;
  errorRate: number;
}

/** `waitless names`: random Pokémon names on the active strategy, with the total wall time. */
export function registerNames(program: Command): void {
  program
    .command('names')
    .description('Fetch random Pokémon names on the active strategy and print the total wall time.')
    .option('--count <n>', `how many names (at most ${MAX_COUNT})`, count, 20)
    .addOption(
      new Option('--mode <mode>', 'how to fetch them; sequential and generator are SEQUENTIAL (one request at a time)')
        .choices(WORKLOAD_MODES)
        .default('sequential'),
    )
    .option(
      '--concurrency <n>',
      `most requests in flight for gather and stream, 1..${MAX_CONCURRENCY} (default: all at once, like asyncio.gather)`,
      concurrencyOption,
    )
    .option('--no-warm-up', 'time the cold start too: thread-pool and connection start-up count in the total')
    .addOption(latencyOption(100))
    .addOption(errorRateOption())
    .addHelpText(
      'after',
      `
Modes:
  sequential  collect(sequence(ids, fetchName)): the async comprehension, Python's
              [name async for name in names()]; one request at a time (SEQUENTIAL)
  generator   an async generator that yields each name: also one at a time (SEQUENTIAL)
  gather      gather(), asyncio.gather: every request in flight at once unless --concurrency
              bounds it; names printed at the end, in input order
  stream      mapStream(): names printed as they arrive, completion order

Before the timer starts, the strategy is warmed up (worker threads started, connections opened) and
that start-up time is printed on its own line, so it neither hides nor inflates the run. --no-warm-up
times the cold start instead.
${examples(
  'waitless names --count 20 --mode gather                     # unbounded: 20 in flight, ~1 × latency',
  'waitless names --count 20 --mode gather --concurrency 5      # bounded: 4 waves of 5, ~4 × latency',
  'waitless names --count 20 --mode sequential                  # the async comprehension: ~20 × latency',
  'waitless --strategy worker-threaded names --count 20 --mode gather   # pool start-up printed apart',
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
    const strategy = await runtime.waitless.ready(strategyName);
    const concurrent = isConcurrentMode(options.mode);
    const concurrency = options.concurrency ?? defaultConcurrency(options.count);
    const inFlight = concurrent ? Math.min(options.count, concurrency) : 1;
    let startUp: StartUp | undefined;
    if (options.warmUp) {
      progress.update(`names: ${strategyName} warming up`);
      startUp = await timeStartUp(runtime, strategy, runtime.waitless.describe(strategyName), inFlight, interrupt.signal);
    }
    let settled = 0;
    const started = performance.now();
    const printName = (n: number, name: string, atMs: number): void => {
      progress.print(out, `${String(n).padStart(String(options.count).length)}  ${name.padEnd(24)} ${style.dim(`+${formatMs(atMs)}`)}\n`);
    };
    let printed = 0;
    const names = await fetchRandomNames({
      strategy,
      baseUrl: runtime.baseUrl,
      count: options.count,
      mode: options.mode,
      concurrency,
      signal: interrupt.signal,
      tally,
      // gather hands back all names at the end, in input order; the other modes print as they go.
      onName: options.mode === 'gather' ? undefined : (fetched) => printName(++printed, fetched.name, fetched.atMs),
      onSettled: () => progress.update(`names: ${strategyName} ${++settled}/${options.count}`),
    });
    const wallMs = performance.now() - started;
    progress.stop();
    if (options.mode === 'gather') for (const fetched of names) printName(++printed, fetched.name, fetched.atMs);

    const how = concurrent ? describeBound(options.mode, options.count, concurrency) : `${options.mode}, one request at a time`;
    const counts = `${tally.ok} ok, ${tally.failed} failed${tally.aborted ? `, ${tally.aborted} aborted` : ''}`;
    if (interrupt.interrupted) {
      out.write(
        `${style.yellow('interrupted')}: ${tally.ok} of ${options.count} names in ${formatMs(wallMs)} ` +
          `on ${strategyName} (${how}); ${counts}\n`,
      );
    } else {
      out.write(`${style.bold(`${tally.ok} names in ${formatMs(wallMs)}`)} on ${strategyName} (${how}); ${counts}\n`);
    }
    out.write(style.dim(startUpNote(startUp)) + '\n');
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

/** `gather, unbounded: all 20 in flight` or `gather, at most 5 in flight: 4 waves`. */
function describeBound(mode: WorkloadMode, count: number, concurrency: number): string {
  if (concurrency >= count) return `${mode}, unbounded: all ${count} in flight`;
  const waves = Math.ceil(count / concurrency);
  return `${mode}, at most ${concurrency} in flight: ${waves} waves`;
}

import type { Command } from 'commander';
import { errorRateOption, latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { measureLoopLag } from '../loop-lag';
import { fetchRandomNames, type WorkloadMode } from '../name-workload';
import {
  commaList,
  concurrency as concurrencyOption,
  count,
  defaultConcurrency,
  localWorkers,
  MAX_CONCURRENCY,
  MAX_COUNT,
  MAX_LOCAL_WORKERS,
  positiveIntList,
} from '../option-parsers';
import { createProgress } from '../progress';
import { RequestTally } from '../request-tally';
import { loadWaitless, openRuntime, type Runtime } from '../runtime';
import { startLocalWorkers } from '../local-workers';
import { createStyle, type Style } from '../style';
import { renderTable } from '@waitless/text-table';
import { warmUp } from '../warm-up';
import { pythonDefaultExecutorSize, THREAD_POOL_STRATEGY, whyCompareRow } from '../why-lines';
import { ConfigError, urlForMessage, type FetchStrategy, type WaitlessRuntime } from '@waitless/core';

interface CompareOptions {
  count: number;
  latency: number;
  concurrency?: number;
  strategies?: string[];
  json?: boolean;
  quiet?: boolean;
  poolSize?: number[];
  workers?: number;
  errorRate: number;
}

/** One row of the comparison, as printed and as in `--json`. */
export interface CompareResult {
  strategy: string;
  mode: WorkloadMode;
  /** Threads in the pool, on `--pool-size` rows. */
  poolSize?: number;
  wallMs: number;
  /** Sequential baseline wall time divided by this row's. */
  speedup: number;
  maxLoopLagMs: number;
  ok: number;
  failed: number;
}

/** The strategy the sequential baseline runs on when it is registered. */
const BASELINE_STRATEGY = 'native-async';

/** `waitless compare`: the same workload on every registered strategy, against a sequential baseline. */
export function registerCompare(program: Command): void {
  const python = pythonDefaultExecutorSize();
  const waves = Math.ceil(20 / python);
  program
    .command('compare')
    .description('Run the same workload on every registered strategy and compare wall time, speedup and event-loop lag.')
    .option('--count <n>', `requests per strategy (at most ${MAX_COUNT})`, count, 20)
    .addOption(latencyOption(100))
    .option(
      '--concurrency <n>',
      `most requests in flight per strategy, 1..${MAX_CONCURRENCY} (default: --count, all at once)`,
      concurrencyOption,
    )
    .option('--strategies <a,b,c>', 'only these strategies (default: every registered one)', commaList)
    .option(
      '--pool-size <n,m>',
      `run ${THREAD_POOL_STRATEGY} once per thread-pool size (only it, unless --strategies names more)`,
      positiveIntList,
    )
    .option(
      '--workers <n>',
      `start n local \`waitless worker\` processes (at most ${MAX_LOCAL_WORKERS}) for the distributed strategy during the run`,
      localWorkers,
    )
    .option('--json', 'print one JSON object and nothing else on stdout')
    .option('--quiet', 'leave out the plain-language "why" line under each row')
    .addOption(errorRateOption())
    .addHelpText(
      'after',
      `
The baseline runs ${BASELINE_STRATEGY} one request at a time (sequential); every strategy then runs the
same requests with gather(). Each is warmed up first so thread-pool start-up is not timed.
Max loop lag is the longest stretch the event loop could not run a timer (monitorEventLoopDelay plus a heartbeat).
Under each row, one line says why it came out that way (--quiet leaves them out; --json never has them).

The thread-pool effect: Python's asyncio.to_thread runs on a default executor of min(32, cores + 4)
threads, ${python} on this machine, so 20 blocking requests go in ${waves} waves (at best ~${Math.floor(20 / waves)}x).
--pool-size ${python},20 sets ${THREAD_POOL_STRATEGY}'s poolSize (strategies.${THREAD_POOL_STRATEGY}.options.poolSize
in config) to each size in turn, so you see both: ${waves} waves with ${python} threads, one wave (~10x and more) with 20.
${examples(
  'waitless compare',
  `waitless compare --pool-size ${python},20`,
  'waitless compare --count 50 --latency 200 --concurrency 10',
  'waitless compare --strategies native-async,blocking-sync --json',
)}`,
    )
    .action(commandAction<CompareOptions>(runCompare));
}

/** One timed run: a strategy in a mode, on its own thread pool when `poolSize` is set. */
interface CompareRun {
  strategy: string;
  mode: WorkloadMode;
  poolSize?: number;
}

async function runCompare({ options, globals, interrupt, out }: CommandRun<CompareOptions>): Promise<ExitCodeValue> {
  const workers = options.workers ? await startLocalWorkers(options.workers, globals) : undefined;
  const runtime = await openRuntime(globals, { latencyMs: options.latency, errorRate: options.errorRate }).catch(async (error: unknown) => {
    await workers?.close();
    throw error;
  });
  const progress = createProgress({ enabled: !options.json });
  const results: CompareResult[] = [];
  const whys: string[] = [];
  const failures: string[] = [];
  // Warm-up requests sent per strategy (or pool), and the parallelism each was warmed for.
  const warmRequests = new Map<string, number>();
  const warmedFor = new Map<string, number>();
  // Strategies (or pools) whose warm-up failed: their start-up lands in the timed run.
  const warmUpFailed = new Set<string>();
  let totalRuns = 0;
  let cutShort: string | undefined;
  try {
    const registered = runtime.waitless.descriptors().map((d) => d.name);
    if (options.poolSize && !registered.includes(THREAD_POOL_STRATEGY)) {
      throw new ConfigError(
        'plugins',
        runtime.waitless.config.source,
        `registers no ${THREAD_POOL_STRATEGY} strategy, which --pool-size needs (registered: ${registered.join(', ')}). ` +
          'Add "@waitless/strategy-worker-threaded" to it.',
      );
    }
    const strategies = options.strategies ?? (options.poolSize ? [THREAD_POOL_STRATEGY] : registered);
    for (const name of strategies) runtime.waitless.describe(name); // unknown names fail before anything runs
    const baseline = registered.includes(BASELINE_STRATEGY) ? BASELINE_STRATEGY : runtime.waitless.activeStrategy.name;
    const concurrency = options.concurrency ?? defaultConcurrency(options.count);
    const runs: CompareRun[] = [{ strategy: baseline, mode: 'sequential' }];
    for (const strategy of strategies) {
      const sizes = strategy === THREAD_POOL_STRATEGY && options.poolSize ? options.poolSize : [undefined];
      for (const poolSize of sizes) runs.push({ strategy, mode: 'gather', poolSize });
    }

    totalRuns = runs.length;
    let baselineMs: number | undefined;
    for (const run of runs) {
      if (interrupt.interrupted) break;
      // A --pool-size run gets its own runtime: the pool size is the strategy's option, fixed when it is created.
      const pooled =
        run.poolSize === undefined
          ? undefined
          : loadWaitless(globals, { override: { strategy: run.strategy, options: { poolSize: run.poolSize } } });
      try {
        const waitless = pooled ?? runtime.waitless;
        const strategy = await waitless.ready(run.strategy);
        const key = run.poolSize === undefined ? run.strategy : `${run.strategy} (${run.poolSize} threads)`;
        const measured = await timedRun(run, { ...runtime, waitless }, strategy, key);
        if (!measured) break;
        baselineMs ??= measured.wallMs;
        results.push({
          strategy: run.strategy,
          mode: run.mode,
          ...(run.poolSize === undefined ? {} : { poolSize: run.poolSize }),
          wallMs: Math.round(measured.wallMs),
          speedup: round2(baselineMs / measured.wallMs),
          maxLoopLagMs: Math.round(measured.maxLoopLagMs),
          ok: measured.tally.ok,
          failed: measured.tally.failed,
        });
        whys.push(
          whyCompareRow({
            strategy: run.strategy,
            mode: run.mode,
            profile: waitless.describe(run.strategy).profile,
            count: options.count,
            concurrency: run.mode === 'sequential' ? 1 : concurrency,
            poolSize: run.poolSize ?? configuredPoolSize(runtime.waitless, run.strategy),
          }),
        );
        if (measured.tally.failed > 0) {
          failures.push(`${key} (${run.mode}): ${measured.tally.failureSummary()}\n  e.g. ${measured.tally.failureExamples()[0]}`);
        }
      } finally {
        await pooled?.close();
      }
    }
    progress.stop();
    if (options.json) {
      out.write(`${JSON.stringify({ count: options.count, latencyMs: options.latency, results })}\n`);
    } else {
      printTable(out, results, {
        runtime,
        options,
        concurrency,
        baseline,
        warmRequests,
        warmUpFailed,
        whys: options.quiet ? undefined : whys,
        interrupted: interrupt.interrupted,
        cutShort,
        failures,
        totalRuns,
      });
    }
    if (interrupt.interrupted) return ExitCode.interrupted;
    return failures.length > 0 ? ExitCode.failed : ExitCode.ok;
  } finally {
    progress.stop();
    await runtime.close();
    await workers?.close();
  }

  /** Warms `strategy` up (once per key and parallelism), then times the workload; `undefined` when Ctrl-C cut it short. */
  async function timedRun(run: CompareRun, on: Runtime, strategy: FetchStrategy, key: string) {
    const concurrency = options.concurrency ?? defaultConcurrency(options.count);
    const parallel = run.mode === 'sequential' ? 1 : concurrency;
    progress.update(`compare: ${key} warming up`);
    if ((warmedFor.get(key) ?? 0) < parallel) {
      // A failed warm-up is not reported here: the timed run that follows counts the same failures.
      const warmed = await warmUp(on, strategy, on.waitless.describe(run.strategy), parallel, interrupt.signal).catch(() => undefined);
      if (warmed !== undefined) warmRequests.set(key, (warmRequests.get(key) ?? 0) + warmed);
      else warmUpFailed.add(key);
      warmedFor.set(key, parallel);
    }
    if (interrupt.interrupted) return undefined;
    const tally = new RequestTally();
    let settled = 0;
    const label = `compare: ${key}${run.mode === 'sequential' ? ' (sequential)' : ''}`;
    progress.update(`${label} 0/${options.count}`);
    const { wallMs, maxLoopLagMs } = await measureLoopLag(() =>
      fetchRandomNames({
        strategy,
        baseUrl: on.baseUrl,
        count: options.count,
        mode: run.mode,
        concurrency: parallel,
        signal: interrupt.signal,
        tally,
        onSettled: () => progress.update(`${label} ${++settled}/${options.count}`),
      }),
    );
    if (interrupt.interrupted) {
      const counts = `${tally.ok} ok, ${tally.failed} failed`;
      cutShort = `${key} (${run.mode}) after ${tally.ok + tally.failed} of ${options.count} requests (${counts})`;
      return undefined;
    }
    return { wallMs, maxLoopLagMs, tally };
  }
}

/** `poolSize` from `strategies.<name>.options` in config, when it is set there. */
function configuredPoolSize(waitless: WaitlessRuntime, strategy: string): number | undefined {
  const options = waitless.config.config.strategies[strategy]?.['options'];
  const poolSize = typeof options === 'object' && options !== null ? (options as Record<string, unknown>)['poolSize'] : undefined;
  return typeof poolSize === 'number' ? poolSize : undefined;
}

interface TableContext {
  runtime: Runtime;
  options: CompareOptions;
  concurrency: number;
  baseline: string;
  warmRequests: Map<string, number>;
  warmUpFailed: Set<string>;
  /** One "why" line per result row; undefined with --quiet. */
  whys?: string[];
  interrupted: boolean;
  /** The run Ctrl-C stopped, with how far it got. */
  cutShort?: string;
  failures: string[];
  totalRuns: number;
}

function printTable(out: NodeJS.WriteStream, results: CompareResult[], context: TableContext): void {
  const style = createStyle(out);
  const { options, runtime } = context;
  const table = renderTable(
    [
      { header: 'strategy' },
      { header: 'mode' },
      { header: 'wall ms', align: 'right' },
      { header: 'speedup', align: 'right' },
      { header: 'max loop lag ms', align: 'right' },
      { header: 'ok', align: 'right' },
      { header: 'failed', align: 'right' },
    ],
    results.map((r) => [
      r.poolSize === undefined ? r.strategy : `${r.strategy} (${r.poolSize} threads)`,
      r.mode,
      String(r.wallMs),
      `${r.speedup.toFixed(2)}x`,
      String(r.maxLoopLagMs),
      String(r.ok),
      String(r.failed),
    ]),
  );
  const target = runtime.fixture ? `the embedded fixture server (latency ${options.latency} ms)` : urlForMessage(runtime.baseUrl);
  const title = style.bold(`compare: ${options.count} random Pokémon names per strategy`);
  out.write(`${title} against ${target}\n\n${withWhys(table, context.whys, style)}\n\n`);
  const warmed = [...context.warmRequests.entries()].map(([name, n]) => `${name}: ${n} request${n === 1 ? '' : 's'}`).join(', ');
  const failedWarmUps = [...context.warmUpFailed].join(', ');
  let warmUpLine = `Every strategy was warmed up first (${warmed}), so pool start-up is not timed.`;
  if (failedWarmUps && !warmed) warmUpLine = `Warm-up failed (${failedWarmUps}), so start-up is timed along with the failures below.`;
  else if (failedWarmUps) warmUpLine = `Warmed up first: ${warmed}. Warm-up failed for ${failedWarmUps}, so its start-up is timed.`;
  out.write(
    style.dim(
      [
        `sequential = ${context.baseline}, one request at a time (the baseline, speedup 1.00x); ` +
          `gather = all strategies with concurrency ${context.concurrency}.`,
        warmUpLine,
        'Max loop lag: the longest time the event loop could not run a timer during the run.',
      ].join('\n'),
    ) + '\n',
  );
  if (context.interrupted) {
    const during = context.cutShort ? `; stopped ${context.cutShort}` : '';
    out.write(`${style.yellow('interrupted')}: ${results.length} of ${context.totalRuns} runs finished${during}.\n`);
  }
  for (const failure of context.failures) out.write(`${style.red('failed')}: ${failure}\n`);
}

/** The table with each row's "why" under it; the header and its rule are the first two lines. */
function withWhys(table: string, whys: string[] | undefined, style: Style): string {
  if (!whys) return table;
  const [header, rule, ...rows] = table.split('\n');
  return [header, rule, ...rows.flatMap((row, i) => [row, style.dim(`  ↳ ${whys[i]}`)])].join('\n');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

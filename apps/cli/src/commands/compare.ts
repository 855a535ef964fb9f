import type { Command } from 'commander';
import { errorRateOption, latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { measureLoopLag } from '../loop-lag';
import { fetchRandomNames, type WorkloadMode } from '../name-workload';
import { commaList, positiveInt } from '../option-parsers';
import { createProgress } from '../progress';
import { RequestTally } from '../request-tally';
import { openRuntime, type Runtime } from '../runtime';
import { createStyle } from '../style';
import { renderTable } from '@waitless/text-table';
import { warmUp } from '../warm-up';

interface CompareOptions {
  count: number;
  latency: number;
  concurrency?: number;
  strategies?: string[];
  json?: boolean;
  errorRate: number;
}

/** One row of the comparison, as printed and as in `--json`. */
export interface CompareResult {
  strategy: string;
  mode: WorkloadMode;
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
  program
    .command('compare')
    .description('Run the same workload on every registered strategy and compare wall time, speedup and event-loop lag.')
    .option('--count <n>', 'requests per strategy', positiveInt, 20)
    .addOption(latencyOption(100))
    .option('--concurrency <n>', 'most requests in flight per strategy (default: --count, all at once)', positiveInt)
    .option('--strategies <a,b,c>', 'only these strategies (default: every registered one)', commaList)
    .option('--json', 'print one JSON object and nothing else on stdout')
    .addOption(errorRateOption())
    .addHelpText(
      'after',
      `
The baseline runs ${BASELINE_STRATEGY} one request at a time (sequential); every strategy then runs the
same requests with gather(). Each is warmed up first so thread-pool start-up is not timed.
Max loop lag is the longest stretch the event loop could not run a timer (monitorEventLoopDelay plus a heartbeat).
${examples(
  'waitless compare',
  'waitless compare --count 50 --latency 200 --concurrency 10',
  'waitless compare --strategies native-async,blocking-sync --json',
)}`,
    )
    .action(commandAction<CompareOptions>(runCompare));
}

async function runCompare({ options, globals, interrupt, out }: CommandRun<CompareOptions>): Promise<ExitCodeValue> {
  const runtime = await openRuntime(globals, { latencyMs: options.latency, errorRate: options.errorRate });
  const progress = createProgress({ enabled: !options.json });
  const results: CompareResult[] = [];
  const failures: string[] = [];
  // Warm-up requests sent per strategy, and the parallelism each was warmed for.
  const warmRequests = new Map<string, number>();
  const warmedFor = new Map<string, number>();
  let totalRuns = 0;
  let cutShort: string | undefined;
  try {
    const strategies = options.strategies ?? runtime.waitless.descriptors().map((d) => d.name);
    for (const name of strategies) runtime.waitless.describe(name); // unknown names fail before anything runs
    const baseline = runtime.waitless.strategyNames().includes(BASELINE_STRATEGY)
      ? BASELINE_STRATEGY
      : runtime.waitless.activeStrategy.name;
    const concurrency = options.concurrency ?? options.count;
    const runs: { strategy: string; mode: WorkloadMode }[] = [
      { strategy: baseline, mode: 'sequential' },
      ...strategies.map((strategy) => ({ strategy, mode: 'gather' as const })),
    ];

    totalRuns = runs.length;
    let baselineMs: number | undefined;
    for (const run of runs) {
      if (interrupt.interrupted) break;
      const strategy = await runtime.waitless.ready(run.strategy);
      const descriptor = runtime.waitless.describe(run.strategy);
      progress.update(`compare: ${run.strategy} warming up`);
      const parallel = run.mode === 'sequential' ? 1 : concurrency;
      if ((warmedFor.get(run.strategy) ?? 0) < parallel) {
        // A failed warm-up is not reported here: the timed run that follows counts the same failures.
        const warmed = await warmUp(runtime, strategy, descriptor, parallel, interrupt.signal).catch(() => undefined);
        if (warmed !== undefined) warmRequests.set(run.strategy, (warmRequests.get(run.strategy) ?? 0) + warmed);
        warmedFor.set(run.strategy, parallel);
      }
      if (interrupt.interrupted) break;
      const tally = new RequestTally();
      let settled = 0;
      const label = `compare: ${run.strategy}${run.mode === 'sequential' ? ' (sequential)' : ''}`;
      progress.update(`${label} 0/${options.count}`);
      const { wallMs, maxLoopLagMs } = await measureLoopLag(() =>
        fetchRandomNames({
          strategy,
          baseUrl: runtime.baseUrl,
          count: options.count,
          mode: run.mode,
          concurrency: run.mode === 'sequential' ? 1 : concurrency,
          signal: interrupt.signal,
          tally,
          onSettled: () => progress.update(`${label} ${++settled}/${options.count}`),
        }),
      );
      if (interrupt.interrupted) {
        cutShort =
          `${run.strategy} (${run.mode}) after ${tally.ok + tally.failed} of ${options.count} requests ` +
          `(${tally.ok} ok, ${tally.failed} failed)`;
        break;
      }
      baselineMs ??= wallMs;
      results.push({
        strategy: run.strategy,
        mode: run.mode,
        wallMs: Math.round(wallMs),
        speedup: round2(baselineMs / wallMs),
        maxLoopLagMs: Math.round(maxLoopLagMs),
        ok: tally.ok,
        failed: tally.failed,
      });
      if (tally.failed > 0) failures.push(`${run.strategy} (${run.mode}): ${tally.failureSummary()}\n  e.g. ${tally.failureExamples()[0]}`);
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
  }
}

interface TableContext {
  runtime: Runtime;
  options: CompareOptions;
  concurrency: number;
  baseline: string;
  warmRequests: Map<string, number>;
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
      r.strategy,
      r.mode,
      String(r.wallMs),
      `${r.speedup.toFixed(2)}x`,
      String(r.maxLoopLagMs),
      String(r.ok),
      String(r.failed),
    ]),
  );
  const target = runtime.fixture ? `the embedded fixture server (latency ${options.latency} ms)` : runtime.baseUrl;
  out.write(`${style.bold(`compare: ${options.count} random Pokémon names per strategy`)} against ${target}\n\n${table}\n\n`);
  const warmed = [...context.warmRequests.entries()].map(([name, n]) => `${name}: ${n} request${n === 1 ? '' : 's'}`).join(', ');
  out.write(
    style.dim(
      [
        `sequential = ${context.baseline}, one request at a time (the baseline, speedup 1.00x); ` +
          `gather = all strategies with concurrency ${context.concurrency}.`,
        `Every strategy was warmed up first (${warmed}), so pool start-up is not timed.`,
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

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

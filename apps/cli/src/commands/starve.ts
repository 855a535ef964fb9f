import type { Command } from 'commander';
import type { FetchStrategy } from '@waitless/core';
import { heartbeatGaps, longestGap } from '@waitless/concurrency/heartbeat';
import { getPokemonName } from '@waitless/pokeapi';
import { latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { RequestTally } from '../request-tally';
import { openRuntime } from '../runtime';
import { createStyle, type Style } from '../style';
import { formatMs } from '../timing';
import { warmUp } from '../warm-up';

interface StarveOptions {
  latency: number;
}

const TICK_MS = 100;
// The request starts after the first tick, so the timeline shows the counter running before it.
const REQUEST_AT_MS = 150;
// Ticks shown after the response, to show the counter running again.
const TICKS_AFTER_RESPONSE = 2;
// A gap this long between ticks means the counter could not run, not ordinary timer jitter.
const FROZEN_GAP_MS = TICK_MS * 2.5;

/** `waitless starve`: the seed's counter demo, showing which strategies freeze the event loop. */
export function registerStarve(program: Command): void {
  program
    .command('starve')
    .description('A counter ticks every 100 ms beside one request: blocking-sync freezes it, the other strategies keep it ticking.')
    .addOption(latencyOption(1000))
    .addHelpText(
      'after',
      `
Runs every registered strategy one after another, or only the one named by the global --strategy.
The request is wrapped in a promise (Promise.resolve().then(...)), the analogue of asyncio.create_task:
with blocking-sync that does not help, because the call blocks the one thread the counter needs.
${examples('waitless starve', 'waitless starve --strategy blocking-sync --latency 500', 'waitless --strategy worker-threaded starve')}`,
    )
    .action(commandAction<StarveOptions>(runStarve));
}

async function runStarve({ options, globals, interrupt, out }: CommandRun<StarveOptions>): Promise<ExitCodeValue> {
  const runtime = await openRuntime(globals, { latencyMs: options.latency });
  const style = createStyle(out);
  const tally = new RequestTally();
  try {
    // Only an explicit --strategy narrows the demo; env and config pick the default for other commands.
    const names = globals.strategy ? [runtime.waitless.activeStrategy.name] : runtime.waitless.descriptors().map((d) => d.name);
    for (const [i, name] of names.entries()) {
      if (interrupt.interrupted) break;
      if (i > 0) out.write('\n');
      const strategy = await runtime.waitless.ready(name);
      await warmUp(runtime, strategy, runtime.waitless.describe(name), 1, interrupt.signal).catch(() => undefined);
      out.write(
        `${style.bold(name)}: a counter ticks every ${TICK_MS} ms while one request waits ` +
          `${runtime.fixture ? `${options.latency} ms` : `on ${runtime.baseUrl}`}\n`,
      );
      await counterBesideRequest(strategy, runtime.baseUrl, { out, style, tally, signal: interrupt.signal });
    }
    if (interrupt.interrupted) out.write(`${style.yellow('interrupted')}: the demo was stopped by Ctrl-C.\n`);
    if (tally.failed > 0) {
      out.write(`${style.red('failed')}: ${tally.failureSummary()}\n`);
      for (const example of tally.failureExamples()) out.write(`  e.g. ${example}\n`);
    }
    return interrupt.interrupted ? ExitCode.interrupted : tally.exitCode();
  } finally {
    await runtime.close();
  }
}

interface DemoIo {
  out: NodeJS.WriteStream;
  style: Style;
  tally: RequestTally;
  signal: AbortSignal;
}

/** One run of the demo: prints the tick timeline as it happens, then the verdict line. */
async function counterBesideRequest(strategy: FetchStrategy, baseUrl: string, { out, style, tally, signal }: DemoIo): Promise<void> {
  const started = performance.now();
  const at = (): number => performance.now() - started;
  const ticks: number[] = [];
  let sentAt = 0;
  let answeredAt: number | undefined;
  let ticksAfter = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  signal.addEventListener('abort', () => finish(), { once: true });

  const counter = setInterval(() => {
    const now = at();
    ticks.push(now);
    out.write(`  tick ${ticks.length}  +${formatMs(now)}\n`);
    if (answeredAt !== undefined && ++ticksAfter >= TICKS_AFTER_RESPONSE) finish();
  }, TICK_MS);

  const starter = setTimeout(() => {
    sentAt = at();
    out.write(`  request sent  +${formatMs(sentAt)}\n`);
    // "Fire and forget" into a promise: it looks concurrent, but a blocking call still runs on this thread.
    void Promise.resolve()
      .then(() => tally.settle(() => getPokemonName(25, strategy, { baseUrl, signal })))
      .then((name) => {
        answeredAt = at();
        out.write(`  ${style.bold('response')}  +${formatMs(answeredAt)}${name ? `  (${name})` : '  (failed)'}\n`);
      });
  }, REQUEST_AT_MS);

  try {
    await done;
  } finally {
    clearInterval(counter);
    clearTimeout(starter);
  }
  if (answeredAt === undefined) return;

  const end = answeredAt;
  const during = ticks.filter((t) => t > sentAt && t < end).length;
  const {
    ms: gapMs,
    start: from,
    end: to,
  } = longestGap(heartbeatGaps(ticks, { from: 0, until: Infinity, ongoing: true })) ?? { ms: 0, start: 0, end: 0 };
  if (gapMs >= FROZEN_GAP_MS) {
    out.write(
      `  ${style.red(`counter froze for ${Math.round(gapMs)} ms`)} ` +
        `(no tick between +${formatMs(from)} and +${formatMs(to)}; ${during} ticks during the ${formatMs(end - sentAt)} request)\n`,
    );
  } else {
    out.write(
      `  ${style.green(`counter kept ticking: ${during} ticks during the request`)} ` +
        `(${formatMs(end - sentAt)}; longest gap ${formatMs(gapMs)})\n`,
    );
  }
}

import { urlForMessage } from '@waitless/core';
import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import type { ConcurrencyProfile, FetchStrategy } from '@waitless/core';
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
import { requestPath, whyStarve } from '../why-lines';

interface StarveOptions {
  latency: number;
  quiet?: boolean;
}

const TICK_MS = 100;
// Ticks shown after the response, to show the counter running again.
const TICKS_AFTER_RESPONSE = 2;
// A gap this long between ticks means the counter could not run, not ordinary timer jitter.
const FROZEN_GAP_MS = TICK_MS * 2.5;

/** `waitless starve`: the talk's counter demo, showing which strategies freeze the event loop. */
export function registerStarve(program: Command): void {
  program
    .command('starve')
    .description('A counter task and one request start together: blocking-sync freezes the counter, the other strategies keep it ticking.')
    .addOption(latencyOption(1000))
    .option('--quiet', 'leave out the plain-language "why" line under each result')
    .addHelpText(
      'after',
      `
Runs every registered strategy one after another, or only the one named by the global --strategy.
Each run is the talk's create_task setup, a counter task and a request started in the same tick:

  const counter = countTicks();                  // asyncio.create_task(counter()): an un-awaited promise
  const request = getPokemonName(25, strategy);  // the request, started right after it
  await Promise.all([counter, request]);         // asyncio.gather(counter, request)

With blocking-sync the counter cannot tick until the response is in: the request blocks the one thread
the counter needs, and neither an un-awaited promise nor gather changes that. Each run prints the code
path its request takes, and one line saying why the counter froze or kept ticking (--quiet: not that line).
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
      const { profile } = runtime.waitless.describe(name);
      await warmUp(runtime, strategy, runtime.waitless.describe(name), 1, interrupt.signal).catch(() => undefined);
      out.write(
        `${style.bold(name)}: a counter ticks every ${TICK_MS} ms beside one request that waits ` +
          `${runtime.fixture ? `${options.latency} ms` : `on ${urlForMessage(runtime.baseUrl)}`}\n` +
          style.dim(
            `  create_task: const counter = countTicks()  (an un-awaited promise: it is already running)\n` +
              `  request:     getPokemonName(25, strategy) → ${requestPath(name, profile)}\n` +
              `  gather:      await Promise.all([counter, request])`,
          ) +
          '\n',
      );
      await counterBesideRequest(
        strategy,
        { name, profile, baseUrl: runtime.baseUrl },
        { out, style, tally, quiet: options.quiet, signal: interrupt.signal },
      );
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

interface DemoSubject {
  name: string;
  profile: ConcurrencyProfile;
  baseUrl: string;
}

interface DemoIo {
  out: NodeJS.WriteStream;
  style: Style;
  tally: RequestTally;
  quiet?: boolean;
  signal: AbortSignal;
}

/** The talk's counter: an async function that prints a tick after every sleep, until `signal` stops it. */
async function countTicks(signal: AbortSignal, onTick: () => void): Promise<void> {
  try {
    for (;;) {
      await delay(TICK_MS, undefined, { signal });
      onTick();
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** One run of the demo: prints the tick timeline as it happens, then the verdict and why. */
async function counterBesideRequest(
  strategy: FetchStrategy,
  subject: DemoSubject,
  { out, style, tally, quiet, signal }: DemoIo,
): Promise<void> {
  const started = performance.now();
  const at = (): number => performance.now() - started;
  const ticks: number[] = [];
  let answeredAt: number | undefined;
  let ticksAfter = 0;
  const stop = new AbortController();

  // asyncio.create_task(counter()): calling an async function without await starts it at once (it runs to its
  // first await); nothing waits for it yet.
  const counter = countTicks(AbortSignal.any([stop.signal, signal]), () => {
    const now = at();
    ticks.push(now);
    out.write(`  tick ${ticks.length}  +${formatMs(now)}\n`);
    if (answeredAt !== undefined && ++ticksAfter >= TICKS_AFTER_RESPONSE) stop.abort();
  });
  const sentAt = at();
  out.write(`  request sent  +${formatMs(sentAt)}\n`);
  const request = tally
    .settle(() => getPokemonName(25, strategy, { baseUrl: subject.baseUrl, signal }))
    .then((name) => {
      answeredAt = at();
      out.write(`  ${style.bold('response')}  +${formatMs(answeredAt)}${name ? `  (${name})` : '  (failed)'}\n`);
    });
  // asyncio.gather(counter, request): both were already running; this only waits for them.
  await Promise.all([counter, request]);
  if (answeredAt === undefined || signal.aborted) return;

  const end = answeredAt;
  const during = ticks.filter((t) => t > sentAt && t < end).length;
  const {
    ms: gapMs,
    start: from,
    end: to,
  } = longestGap(heartbeatGaps(ticks, { from: 0, until: Infinity, ongoing: true })) ?? { ms: 0, start: 0, end: 0 };
  const froze = gapMs >= FROZEN_GAP_MS;
  if (froze) {
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
  if (!quiet) out.write(style.dim(`  why: ${whyStarve(subject.name, subject.profile, froze)}`) + '\n');
}

import type { Command } from 'commander';
import { startDistributedWorker, type WorkerStats } from '@waitless/strategy-distributed';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { untilStopped } from '../interrupt';
import { concurrency } from '../option-parsers';
import { loadWaitless } from '../runtime';

interface WorkerOptions {
  concurrency?: number;
}

const REPORT_EVERY_MS = 5000;

// Connection errors repeat while Redis is away; one line per this long is enough to say so.
const ERROR_REPORT_MS = 5000;

/** `waitless worker`: runs jobs of the `distributed` strategy's queue on this host until Ctrl-C or SIGTERM. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description("Run requests queued by the distributed strategy on this host, on the config's inner strategy, until Ctrl-C or SIGTERM.")
    .option('--concurrency <n>', 'jobs this process runs at once (default: strategies.distributed.options.concurrency, 100)', concurrency)
    .addHelpText(
      'after',
      `
Reads strategies.distributed.options (redis, queue, strategy, rate limit...) from the same config as the
callers; list "@waitless/strategy-distributed" and the inner strategy's plugin in "plugins". Start as many
workers as you like, on any host that reaches Redis. Ctrl-C or SIGTERM stops taking jobs and finishes those
in flight; a second Ctrl-C leaves them at once, and another worker runs them again when their lock expires.
Prints a throughput line every ${REPORT_EVERY_MS / 1000} s while jobs run. Exits 1 with a one-line message when
Redis cannot be reached. See docs/distributed.md.
${examples('waitless worker', 'waitless --config ./crawl.config.json worker --concurrency 200')}`,
    )
    .action(commandAction<WorkerOptions>(runWorker));
}

async function runWorker({ options, globals, interrupt, out }: CommandRun<WorkerOptions>): Promise<ExitCodeValue> {
  const waitless = loadWaitless(globals);
  let lastErrorAt = 0;
  const worker = await startDistributedWorker(waitless, {
    concurrency: options.concurrency,
    onEvent: (event) => {
      if (event.type !== 'error' || Date.now() - lastErrorAt < ERROR_REPORT_MS) return;
      lastErrorAt = Date.now();
      process.stderr.write(`waitless worker: Redis connection error, reconnecting: ${event.error.message}\n`);
    },
  }).catch(async (error: unknown) => {
    await waitless.close();
    throw error;
  });
  const { queue, redis, strategy } = worker.options;
  out.write(
    `waitless worker ready: queue "${queue}" on ${redis}, strategy ${strategy}, concurrency ${worker.concurrency}. ` +
      'Ctrl-C or SIGTERM to stop.\n',
  );
  const startedAt = performance.now();
  let previous = worker.stats();
  const report = setInterval(() => {
    const stats = worker.stats();
    const ran = finished(stats) - finished(previous);
    if (ran > 0) out.write(`${describe(stats)} · ${((ran * 1000) / REPORT_EVERY_MS).toFixed(1)} jobs/s\n`);
    previous = stats;
  }, REPORT_EVERY_MS);

  try {
    await untilStopped(interrupt);
  } finally {
    clearInterval(report);
    const active = worker.stats().active;
    if (active > 0)
      out.write(`waitless worker stopping: finishing ${active} job${active === 1 ? '' : 's'} in flight (Ctrl-C again to leave them).\n`);
    await worker.close();
    await waitless.close();
  }
  const stats = worker.stats();
  const seconds = (performance.now() - startedAt) / 1000;
  const overall = (finished(stats) / seconds).toFixed(1);
  out.write(`waitless worker stopped after ${seconds.toFixed(1)} s: ${describe(stats)} · ${overall} jobs/s overall\n`);
  // Stopping is how a worker is meant to end, so it is a success, not an interruption.
  return ExitCode.ok;
}

function finished(stats: WorkerStats): number {
  return stats.ok + stats.failed + stats.refused + stats.cancelled;
}

function describe(stats: WorkerStats): string {
  return (
    `${stats.ok} ok · ${stats.failed} failed · ${stats.refused} past deadline · ${stats.cancelled} cancelled · ` +
    `${stats.rateLimited} rate-limited · ${stats.active} active`
  );
}

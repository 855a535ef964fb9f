import type { Command } from 'commander';
import { startFixtureServer } from '@waitless/fixture-server';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { untilStopped } from '../interrupt';
import { httpErrorStatus, integer, MAX_DELAY_MS, milliseconds, port, rate } from '../option-parsers';

interface FixtureOptions {
  port: number;
  latency: number;
  jitter: number;
  errorRate: number;
  errorStatus?: number;
  resetRate?: number;
  slowBody?: number;
  invalidJson?: number;
  seed?: number;
}

/** `waitless fixture`: the offline PokeAPI in the foreground, for --base-url or curl. */
export function registerFixture(program: Command): void {
  program
    .command('fixture')
    .description('Start the offline PokeAPI fixture server on 127.0.0.1 in the foreground until Ctrl-C.')
    .option('--port <n>', 'port to listen on; 0 picks a free one', port, 0)
    .option('--latency <ms>', `delay before each answer, at most ${MAX_DELAY_MS}`, milliseconds, 0)
    .option('--jitter <ms>', 'uniform ± spread around --latency', milliseconds, 0)
    .option('--error-rate <0..1>', 'share of requests answered with an error (--error-status)', rate, 0)
    .option('--error-status <400..599>', 'status of those errors (default 503)', httpErrorStatus)
    .option('--reset-rate <0..1>', 'share of connections destroyed before any response', rate)
    .option('--slow-body <ms>', 'send half the body, wait this long, send the rest', milliseconds)
    .option('--invalid-json <0..1>', 'share of JSON bodies cut short', rate)
    .option('--seed <n>', 'makes jitter and every rate repeatable', integer)
    .addHelpText(
      'after',
      `
Every knob can also be set per request, e.g. ?latency=250 or the header x-fixture-error-rate: 0.1
(see packages/fixture-server/README.md). Ctrl-C closes it and exits 0.
${examples('waitless fixture --port 8080 --latency 100', 'waitless --base-url http://127.0.0.1:8080 compare   # in a second terminal')}`,
    )
    .action(commandAction<FixtureOptions>(runFixture));
}

async function runFixture({ options, interrupt, out }: CommandRun<FixtureOptions>): Promise<ExitCodeValue> {
  const server = await startFixtureServer({
    port: options.port,
    latencyMs: options.latency,
    jitterMs: options.jitter,
    errorRate: options.errorRate,
    errorStatus: options.errorStatus,
    resetRate: options.resetRate,
    slowBodyMs: options.slowBody,
    invalidJsonRate: options.invalidJson,
    seed: options.seed,
  });
  const jitter = options.jitter ? ` ±${options.jitter} ms` : '';
  out.write(
    `Fixture PokeAPI listening on ${server.url} (latency ${options.latency} ms${jitter}, error rate ${options.errorRate}). ` +
      'Ctrl-C to stop.\n',
  );
  try {
    await untilStopped(interrupt);
  } finally {
    const { total, completed } = server.stats();
    await server.close();
    out.write(`Fixture server closed after ${total} requests (${completed} completed).\n`);
  }
  // Ctrl-C is how this command is meant to end, so it is a success, not an interruption.
  return ExitCode.ok;
}

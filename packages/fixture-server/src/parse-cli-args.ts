import { parseArgs } from 'node:util';
import { checkKnobValue } from './fault-options';
import type { FixtureServerOptions } from './fixture-server-options';
import { InvalidFixtureKnobError } from './invalid-fixture-knob-error';

/** The `--help` text of the fixture server CLI (`src/main.ts`). */
export const CLI_USAGE = `Usage: fixture-server [--port N] [--host H] [--latency MS] [--jitter MS] [--error-rate 0..1]
                      [--error-status 400..599] [--reset-rate 0..1] [--slow-body MS] [--invalid-json 0..1] [--seed N]
Starts the offline PokeAPI fixture (default http://127.0.0.1:8080). Every fault can also be set per
request with a query parameter or an x-fixture-<name> header, e.g. ?latency=250 or x-fixture-error-rate: 0.1.`;

/** What the CLI was asked to do. */
export interface CliArgs {
  /** Options for `startFixtureServer`. */
  options: FixtureServerOptions;
  /** True when `--help` / `-h` was given. */
  help: boolean;
}

const DEFAULT_CLI_PORT = 8080;

/**
 * Parses `--port 8080 --latency 100 …` into server options, validating each value and naming the
 * flag in the error (`Invalid fixture knob --latency=abc: expected a number of milliseconds ≥ 0`).
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      'error-rate': { type: 'string' },
      'error-status': { type: 'string' },
      'reset-rate': { type: 'string' },
      'slow-body': { type: 'string' },
      'invalid-json': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const num = (raw: string | undefined): number => (raw === undefined || raw.trim() === '' ? NaN : Number(raw));
  const options: FixtureServerOptions = { port: DEFAULT_CLI_PORT };
  if (values.port !== undefined) {
    const port = num(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new InvalidFixtureKnobError('--port', values.port, 'an integer port between 0 and 65535 (0 picks a free one)');
    }
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  const knobs = [
    ['latency', 'latencyMs', 'ms'],
    ['jitter', 'jitterMs', 'ms'],
    ['error-rate', 'errorRate', 'rate'],
    ['error-status', 'errorStatus', 'status'],
    ['reset-rate', 'resetRate', 'rate'],
    ['slow-body', 'slowBodyMs', 'ms'],
    ['invalid-json', 'invalidJsonRate', 'rate'],
  ] as const;
  for (const [flag, field, kind] of knobs) {
    const raw = values[flag];
    if (raw !== undefined) options[field] = checkKnobValue(`--${flag}`, num(raw), kind, raw);
  }
  if (values.seed !== undefined) {
    const seed = num(values.seed);
    if (!Number.isInteger(seed)) throw new InvalidFixtureKnobError('--seed', values.seed, 'an integer');
    options.seed = seed;
  }
  return { options, help: values.help === true };
}

import { Option } from 'commander';
import { MAX_DELAY_MS, milliseconds, rate } from './option-parsers';

/** `--latency <ms>` for commands that start the embedded fixture server. */
export function latencyOption(defaultMs: number): Option {
  return new Option('--latency <ms>', `latency of the embedded fixture server, at most ${MAX_DELAY_MS} (ignored with --base-url)`)
    .argParser(milliseconds)
    .default(defaultMs);
}

/** `--error-rate <0..1>`: make the embedded fixture server fail some requests, to see failures reported. */
export function errorRateOption(): Option {
  return new Option('--error-rate <0..1>', 'share of requests the embedded fixture server fails with 503 (ignored with --base-url)')
    .argParser(rate)
    .default(0);
}

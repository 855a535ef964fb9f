import { CommanderError } from 'commander';
import { isStrategyNotFoundError, isUserFixableError } from '@waitless/core';
import { InvalidFixtureKnobError } from '@waitless/fixture-server';

/** The process exit codes of `waitless`, documented in `waitless --help`. */
export const ExitCode = {
  /** Every request succeeded. */
  ok: 0,
  /** Some requests failed; the summary counts them per error type. */
  failed: 1,
  /** Bad flags, bad config, unknown strategy: nothing was run. */
  usage: 2,
  /** Ctrl-C (SIGINT): in-flight work was aborted and a partial summary printed. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for an error that escaped a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  // "Fix how you called it": Waitless errors flagged `userFixable` (config, plugins, unknown strategy, the
  // concurrency package's options and pipeline specs; the guard also matches a second copy of core's),
  // and the fixture server's knob validation, which does not depend on core.
  if (isUserFixableError(error) || error instanceof InvalidFixtureKnobError) return ExitCode.usage;
  return ExitCode.failed;
}

/**
 * One line for stderr: the typed error's own message (they say what to do next), or the stack when
 * `verbose` is set.
 */
export function describeError(error: unknown, verbose: boolean): string {
  if (!(error instanceof Error)) return `waitless: ${String(error)}`;
  if (verbose && error.stack) return `waitless: ${error.stack}`;
  // Core's messages name no CLI flag; the CLI says how to choose a strategy here.
  const hint = isStrategyNotFoundError(error)
    ? ' Choose one with --strategy <name> (or WAITLESS_STRATEGY); `waitless strategies` lists them.'
    : '';
  return `waitless: ${error.message.split('\n')[0]}${hint}`;
}

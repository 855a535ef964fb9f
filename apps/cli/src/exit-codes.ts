import { CommanderError } from 'commander';

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

// Errors that mean "fix how you called it": core's config and plugin errors, the fixture server's
// knob validation, the concurrency package's option and pipeline checks. Compared by name, so two
// copies of a package still match.
const USAGE_ERROR_NAMES = new Set([
  'ConfigError',
  'PluginLoadError',
  'StrategyNotFoundError',
  'InvalidFixtureKnobError',
  'InvalidOptionError',
  'PipelineSpecError',
]);

/** The exit code for an error that escaped a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (error instanceof Error && USAGE_ERROR_NAMES.has(error.name)) return ExitCode.usage;
  return ExitCode.failed;
}

/**
 * One line for stderr: the typed error's own message (they say what to do next), or the stack when
 * `verbose` is set.
 */
export function describeError(error: unknown, verbose: boolean): string {
  if (!(error instanceof Error)) return `waitless: ${String(error)}`;
  if (verbose && error.stack) return `waitless: ${error.stack}`;
  return `waitless: ${error.message.split('\n')[0]}`;
}

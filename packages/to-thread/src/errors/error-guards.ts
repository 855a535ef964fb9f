import { isWaitlessError } from '@waitless/core/plugin';
import type { ThreadExitError } from './thread-exit-error';
import type { ThreadResultNotCloneableError } from './thread-result-not-cloneable-error';

// Like core's guards: the Waitless brand plus `kind`, never `instanceof` or `name`, so errors from a
// second copy of this package, or revived by core's `reviveError` after a nested toThread, still match.

/**
 * Whether `value` is a `ThreadResultNotCloneableError` (a toThread result that cannot be cloned back).
 * @example if (isThreadResultNotCloneableError(error)) console.error(error.valueKind);
 */
export function isThreadResultNotCloneableError(value: unknown): value is ThreadResultNotCloneableError {
  return isWaitlessError(value) && value.kind === 'to-thread/result-not-cloneable';
}

/**
 * Whether `value` is a `ThreadExitError` (the worker running a toThread call exited mid-call).
 * @example if (isThreadExitError(error)) console.error(`worker exit code ${error.exitCode}`);
 */
export function isThreadExitError(value: unknown): value is ThreadExitError {
  return isWaitlessError(value) && value.kind === 'to-thread/exit';
}

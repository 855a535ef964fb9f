import { WaitlessError } from '@waitless/core/plugin';
import { describeCall } from '../describe-call';

/**
 * The worker thread running a `toThread` call exited before the call finished — in a worker,
 * `process.exit(code)` stops that thread, not the process. The pool starts a new worker for the next
 * call. `cause` is piscina's report of the exit. Recognise it with `isThreadExitError`.
 *
 * @example
 * const error = await toThread(CLI_TOOL, 'main')().catch((e: unknown) => e);
 * if (isThreadExitError(error)) console.error(`exit code ${error.exitCode}`);
 */
export class ThreadExitError extends WaitlessError {
  override name = 'ThreadExitError' as const;
  override readonly kind = 'to-thread/exit' as const;

  constructor(
    /** The worker's exit code (what the export passed to `process.exit`). */
    readonly exitCode: number,
    /** The export that was running. */
    readonly exportName: string,
    /** Absolute path of its module. */
    readonly modulePath: string,
    options?: ErrorOptions,
  ) {
    super(
      `${describeCall({ exportName, modulePath })} ended its worker thread with exit code ${exitCode} (process.exit) before returning. ` +
        'In a worker, process.exit() stops only that thread and loses the result: throw an Error to report a failure, or return a value.',
      options,
    );
  }
}

import { WaitlessError } from '@waitless/core/plugin';
import { describeCall } from '../describe-call';

/**
 * A function run with `toThread` returned (or threw) a value that cannot be structured-cloned, so it
 * cannot travel back from the worker thread: a function, a symbol, a Promise, a class instance holding
 * a socket… `valueKind` names the part that failed. The worker stays up for the next call.
 * Recognise it with `isThreadResultNotCloneableError`.
 *
 * @example
 * const error = await toThread<typeof openReport>(REPORTS, 'openReport')(id).catch((e: unknown) => e);
 * if (isThreadResultNotCloneableError(error)) console.error(error.valueKind); // 'an object whose .save is a function named "save"'
 */
export class ThreadResultNotCloneableError extends WaitlessError {
  override name = 'ThreadResultNotCloneableError' as const;
  override readonly kind = 'to-thread/result-not-cloneable' as const;

  constructor(
    /** The export that was called. */
    readonly exportName: string,
    /** Absolute path of its module. */
    readonly modulePath: string,
    /** Whether the value was the function's result or what it threw. */
    readonly outcome: 'returned' | 'threw',
    /** What the value was, down to the part that cannot be cloned, e.g. `an object whose .format is a function named "format"`. */
    readonly valueKind: string,
    options?: ErrorOptions,
  ) {
    super(
      `${describeCall({ exportName, modulePath })} ${outcome} ${valueKind}, which cannot be sent back from its worker thread. ` +
        (outcome === 'returned'
          ? 'A function run with toThread must return structured-cloneable data ' +
            '(primitives, plain objects, arrays, Date, Map, Set, typed arrays, Error): ' +
            'return the data and build functions or class instances on the calling side.'
          : 'A function run with toThread must throw an Error (its cloneable fields travel with it) or structured-cloneable data.'),
      options,
    );
  }
}

import { setMaxListeners } from 'node:events';
import { ExitCode } from './exit-codes';

const MANY_LISTENERS = 1_000_000;

/** Ctrl-C handling for one command run; see {@link watchInterrupt}. */
export interface Interrupt {
  /** Aborted on the first SIGINT; pass it to every call that waits. */
  readonly signal: AbortSignal;
  readonly interrupted: boolean;
  /** Removes the SIGINT handler. */
  dispose(): void;
}

/**
 * The first Ctrl-C aborts `signal`, so in-flight requests on every strategy stop and the command can
 * print a partial summary and exit 130. A second Ctrl-C exits at once.
 */
export function watchInterrupt(): Interrupt {
  const controller = new AbortController();
  // Every in-flight request listens on this one signal; hundreds at once are expected, not a leak.
  // Not 0 ("unlimited"): Node 20's getMaxListeners() throws for a signal whose limit is 0.
  setMaxListeners(MANY_LISTENERS, controller.signal);
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    controller.abort(new Error('interrupted by Ctrl-C'));
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    get interrupted() {
      return controller.signal.aborted;
    },
    dispose: () => process.off('SIGINT', onSigint),
  };
}

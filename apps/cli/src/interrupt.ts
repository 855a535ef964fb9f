import { once } from 'node:events';
import { ExitCode } from './exit-codes';

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
  // Hundreds of in-flight calls listen on this one signal; core and the combinators raise its
  // listener limit when they attach, so nothing here needs to.
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

/**
 * Resolves on the first Ctrl-C or SIGTERM (a process manager, `kill`), so a long-running command such as
 * `fixture` or `worker` stops as cleanly on either.
 */
export async function untilStopped(interrupt: Interrupt): Promise<void> {
  let onSigterm: () => void = () => undefined;
  const terminated = new Promise<void>((resolve) => (onSigterm = resolve));
  process.once('SIGTERM', onSigterm);
  try {
    await Promise.race([once(interrupt.signal, 'abort'), terminated]);
  } finally {
    process.off('SIGTERM', onSigterm);
  }
}

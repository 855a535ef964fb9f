/** A unit of work for the combinators: it receives a signal and must stop when that signal fires. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** How one task ended, like `PromiseSettledResult` (`gather` in `settled` mode returns one per task). */
export type Settled<T> = { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown };

/** A settled task with its position in the input, as `asCompleted` yields them (completion order). */
export type IndexedOutcome<T> = Settled<T> & { index: number };

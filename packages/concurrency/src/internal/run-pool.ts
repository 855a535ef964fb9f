import { allowManyListeners, linkSignal } from '@waitless/core/plugin';
import type { IndexedOutcome } from '../combinators/outcome';

/** How many calls start in one event-loop turn before the pool lets timers and I/O run. */
const START_BURST = 8;

/** How the pool runs: `concurrency` ≥ 1 (validated by the caller), output order, and whether a failure stops everything. */
export interface PoolOptions {
  concurrency: number;
  ordered: boolean;
  /** Throw the first rejection (and abort the rest) instead of yielding it as an outcome. */
  failFast: boolean;
  signal?: AbortSignal;
}

/**
 * The engine under `gather`, `asCompleted` and `mapStream`: pulls items from `source` one at a time
 * only when a slot is free, so memory stays bounded however long the source is. At most `concurrency`
 * calls run at once and at most `concurrency` finished outcomes wait for the consumer; a slow consumer
 * therefore slows the pulling (backpressure). Leaving early (break, throw, abort) aborts every running
 * call, waits for them to settle, and closes the source — nothing keeps running afterwards.
 */
export async function* runPool<I, R>(
  source: Iterable<I> | AsyncIterable<I>,
  fn: (item: I, signal: AbortSignal) => Promise<R>,
  options: PoolOptions,
): AsyncGenerator<IndexedOutcome<R>, void, undefined> {
  const { concurrency, ordered, failFast, signal: outer } = options;
  const { controller, unlink } = linkSignal(outer);
  const signal = controller.signal;
  // Every call the pool starts listens on this one signal.
  allowManyListeners(signal);
  const isAsync = Symbol.asyncIterator in (source as object);
  const iterator: Iterator<I> | AsyncIterator<I> = isAsync
    ? (source as AsyncIterable<I>)[Symbol.asyncIterator]()
    : (source as Iterable<I>)[Symbol.iterator]();

  let nextIndex = 0;
  let inFlight = 0;
  let pulling = false;
  let sourceDone = false;
  let sourceError: { error: unknown } | undefined;
  // Unordered: a FIFO of finished outcomes. Ordered: finished outcomes by index until their turn.
  const ready: IndexedOutcome<R>[] = [];
  const byIndex = new Map<number, IndexedOutcome<R>>();
  let nextToYield = 0;
  const buffered = (): number => (ordered ? byIndex.size : ready.length);

  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const sleep = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
  const onOuterAbort = (): void => notify();
  signal.addEventListener('abort', onOuterAbort);

  let failure: { reason: unknown } | undefined;
  const settle = (outcome: IndexedOutcome<R>): void => {
    inFlight--;
    if (failFast && outcome.status === 'rejected' && !failure) {
      // Abort the siblings now, not when the consumer gets round to it; they see the failure as the reason.
      failure = { reason: outcome.reason };
      controller.abort(outcome.reason);
    }
    if (ordered) byIndex.set(outcome.index, outcome);
    else ready.push(outcome);
    fill();
    notify();
  };

  const start = (item: I): void => {
    const index = nextIndex++;
    inFlight++;
    startedSinceYield++;
    let promise: Promise<R>;
    try {
      promise = fn(item, signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    Promise.resolve(promise).then(
      (value) => settle({ status: 'fulfilled', value, index }),
      (reason: unknown) => settle({ status: 'rejected', reason, index }),
    );
  };

  const canStart = (): boolean => !pulling && !sourceDone && !signal.aborted && inFlight < concurrency && buffered() < concurrency;

  // Starting a call is synchronous work (a request object, a socket write); starting 1,000 in one turn
  // stalled the event loop for hundreds of ms. After a burst the rest start on the next turn, so timers
  // and I/O run in between.
  let startedSinceYield = 0;
  let resumeScheduled = false;
  const yieldBeforeMore = (): boolean => {
    if (startedSinceYield < START_BURST) return false;
    if (!resumeScheduled) {
      resumeScheduled = true;
      setImmediate(() => {
        resumeScheduled = false;
        startedSinceYield = 0;
        fill();
        notify();
      });
    }
    return true;
  };

  function fill(): void {
    if (yieldBeforeMore()) return;
    if (!isAsync) {
      // Synchronous sources are pulled in a plain loop: no promise per item just to read it.
      while (canStart()) {
        if (yieldBeforeMore()) return;
        let step: IteratorResult<I>;
        try {
          step = (iterator as Iterator<I>).next();
        } catch (error) {
          sourceError = { error };
          sourceDone = true;
          return;
        }
        if (step.done) sourceDone = true;
        else start(step.value);
      }
      return;
    }
    if (!canStart()) return;
    pulling = true;
    (iterator as AsyncIterator<I>).next().then(
      (step) => {
        pulling = false;
        if (step.done) sourceDone = true;
        // An item that arrives after the run was stopped is dropped, never started.
        else if (!signal.aborted) start(step.value);
        fill();
        notify();
      },
      (error: unknown) => {
        pulling = false;
        sourceError = { error };
        sourceDone = true;
        notify();
      },
    );
  }

  let finishedSource = false;
  try {
    fill();
    for (;;) {
      if (outer?.aborted) throw outer.reason;
      if (failure) throw failure.reason;
      const outcome = ordered ? byIndex.get(nextToYield) : ready.shift();
      if (outcome) {
        if (ordered) {
          byIndex.delete(nextToYield);
          nextToYield++;
        }
        yield outcome;
        fill();
        continue;
      }
      if (sourceError) throw sourceError.error;
      if (sourceDone && inFlight === 0 && !pulling) {
        finishedSource = true;
        return;
      }
      await sleep();
    }
  } finally {
    signal.removeEventListener('abort', onOuterAbort);
    if (!signal.aborted) controller.abort(new Error('The consumer stopped early; remaining work was cancelled.'));
    // Structured concurrency: don't return while started calls are still running.
    while (inFlight > 0 || pulling) await sleep();
    unlink();
    if (!finishedSource && !sourceError) await iterator.return?.();
  }
}

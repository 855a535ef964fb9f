// Type tests for gather's overloads: checked by `tsc -p tsconfig.spec.json` (the typecheck target), never run.
import { expectTypeOf } from 'expect-type';
import { gather, type GatherOptions } from './gather';
import type { Settled, Task } from './outcome';

declare const numberTasks: Task<number>[];
declare const nameTasks: Iterable<Task<string>>;

// fail-fast (the default): the results, in input order.
expectTypeOf(gather(numberTasks)).toEqualTypeOf<Promise<number[]>>();
expectTypeOf(gather(numberTasks, { concurrency: 2 })).toEqualTypeOf<Promise<number[]>>();
expectTypeOf(gather(numberTasks, { mode: 'fail-fast', signal: AbortSignal.timeout(1_000) })).toEqualTypeOf<Promise<number[]>>();
expectTypeOf(gather(nameTasks)).toEqualTypeOf<Promise<string[]>>();

// settled: one Settled<T> per task, never a rejection for a task's failure.
expectTypeOf(gather(numberTasks, { mode: 'settled' })).toEqualTypeOf<Promise<Settled<number>[]>>();
expectTypeOf(gather(numberTasks, { mode: 'settled', concurrency: Infinity })).resolves.items.toEqualTypeOf<
  { status: 'fulfilled'; value: number } | { status: 'rejected'; reason: unknown }
>();

// A mode known only at run time: either shape, so the caller has to narrow.
declare const options: GatherOptions;
expectTypeOf(gather(numberTasks, options)).toEqualTypeOf<Promise<number[] | Settled<number>[]>>();

// T is inferred from the tasks, e.g. a `.map` to async functions; each task receives an AbortSignal.
expectTypeOf(gather([1, 4, 7].map((id) => async (signal: AbortSignal) => ({ id, aborted: signal.aborted })))).toEqualTypeOf<
  Promise<{ id: number; aborted: boolean }[]>
>();
expectTypeOf<Parameters<Task<number>>>().toEqualTypeOf<[signal: AbortSignal]>();

// No tuple inference: a tuple of tasks gives an array of one element type, not a tuple of results.
declare const pair: [Task<number>, Task<number>];
expectTypeOf(gather(pair)).toEqualTypeOf<Promise<number[]>>();
// Tasks of different result types need the union spelled out.
expectTypeOf(gather<number | string>([async () => 1, async () => 'one'])).toEqualTypeOf<Promise<(number | string)[]>>();

// Misuses the overloads must reject.
// @ts-expect-error settled results are Settled<T>, not T
expectTypeOf(gather(numberTasks, { mode: 'settled' })).toEqualTypeOf<Promise<number[]>>();
// @ts-expect-error the mode is 'fail-fast' or 'settled'
expectTypeOf(gather).toBeCallableWith(numberTasks, { mode: 'all' });
// @ts-expect-error a task returns a promise
expectTypeOf(gather).toBeCallableWith([() => 1]);
// @ts-expect-error heterogeneous tasks are not silently widened to a union
gather([async () => 1, async () => 'one']);

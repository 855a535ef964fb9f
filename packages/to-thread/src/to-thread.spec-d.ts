// Type tests for toThread / ThreadFunction: checked by `tsc -p tsconfig.spec.json` (the typecheck target), never run.
import { expectTypeOf } from 'expect-type';
import { toThread, type ThreadableFunction, type ThreadFunction, type ToThreadOptions } from './to-thread';

// The blocking exports' types, as `typeof someExport` would give them.
type Add = (a: number, b: number) => number;
type ReadText = (path: string, options?: { encoding: 'utf8' | 'latin1' }) => Promise<string>;

// toThread<typeof f> returns a ThreadFunction of exactly that function.
expectTypeOf(toThread<Add>).returns.toEqualTypeOf<ThreadFunction<Add>>();
expectTypeOf(toThread<Add>).parameters.toEqualTypeOf<[moduleSpecifier: string, exportName: string, options?: ToThreadOptions]>();

// The parameters carry over, names and optionality included; the result is always one promise.
declare const addOnThread: ThreadFunction<Add>;
expectTypeOf(addOnThread).parameters.toEqualTypeOf<[a: number, b: number]>();
expectTypeOf(addOnThread).returns.toEqualTypeOf<Promise<number>>();
expectTypeOf(addOnThread).toBeCallableWith(1, 2);

declare const readOnThread: ThreadFunction<ReadText>;
expectTypeOf(readOnThread).parameters.toEqualTypeOf<[path: string, options?: { encoding: 'utf8' | 'latin1' }]>();
// An async export is awaited in the worker: Promise<string>, not Promise<Promise<string>>.
expectTypeOf(readOnThread).returns.toEqualTypeOf<Promise<string>>();
expectTypeOf(readOnThread).toBeCallableWith('/tmp/a.txt');

// withSignal binds an AbortSignal (or undefined: not abortable) and keeps the same signature.
expectTypeOf(addOnThread.withSignal).parameters.toEqualTypeOf<[signal: AbortSignal | undefined]>();
expectTypeOf(addOnThread.withSignal(AbortSignal.timeout(1_000))).toEqualTypeOf<(a: number, b: number) => Promise<number>>();
expectTypeOf(readOnThread.withSignal(undefined)).returns.toEqualTypeOf<Promise<string>>();

// Without a type argument nothing is known about the export.
expectTypeOf(toThread).returns.toEqualTypeOf<ThreadFunction<ThreadableFunction>>();
declare const untyped: ThreadFunction<ThreadableFunction>;
expectTypeOf(untyped).returns.toEqualTypeOf<Promise<unknown>>();

// Misuses the types must reject.
// @ts-expect-error arguments are checked against the export's parameters
expectTypeOf(addOnThread).toBeCallableWith('1', 2);
// @ts-expect-error withSignal takes a signal, not options
expectTypeOf(addOnThread.withSignal).toBeCallableWith({ timeoutMs: 1_000 });
// @ts-expect-error the type argument must be a function type
expectTypeOf(toThread<string>).returns.toBeObject();

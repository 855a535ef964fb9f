// Type tests for the FetchStrategy contract: checked by `tsc -p tsconfig.spec.json` (the typecheck target), never run.
import { expectTypeOf } from 'expect-type';
import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy, FetchTimings } from './fetch-strategy';

interface Pokemon {
  id: number;
  name: string;
}

// FetchResult<TBody>: the body is whatever the caller says it is; unknown when they say nothing.
expectTypeOf<FetchResult>().toEqualTypeOf<FetchResult<unknown>>();
expectTypeOf<FetchResult<Pokemon>['body']>().toEqualTypeOf<Pokemon>();
expectTypeOf<FetchResult<Pokemon>>().toEqualTypeOf<{
  status: number;
  url: string;
  headers: Record<string, string>;
  body: Pokemon;
  timings: FetchTimings;
}>();

// fetch<TBody>: the type argument flows into the resolved result; it is never inferred from the request.
declare const strategy: FetchStrategy;
expectTypeOf(strategy.fetch<Pokemon>).returns.toEqualTypeOf<Promise<FetchResult<Pokemon>>>();
expectTypeOf(strategy.fetch<Pokemon>)
  .returns.resolves.toHaveProperty('body')
  .toEqualTypeOf<Pokemon>();
expectTypeOf(strategy.fetch).returns.toEqualTypeOf<Promise<FetchResult<unknown>>>();
expectTypeOf(strategy.fetch).parameters.toEqualTypeOf<[request: FetchRequest, options?: FetchOptions]>();
expectTypeOf(strategy.fetch).toBeCallableWith({ url: 'http://127.0.0.1/pokemon/1', method: 'POST', json: { id: 1 }, timeoutMs: 500 });
expectTypeOf(strategy.close).toEqualTypeOf<(() => Promise<void>) | undefined>();

// Per-call options are the timeout, the signal and the response limits.
expectTypeOf<FetchOptions>().toEqualTypeOf<{ timeoutMs?: number; signal?: AbortSignal; maxBodyBytes?: number; maxRedirects?: number }>();

// An implementation must stay generic in TBody: a fetch that promises FetchResult<unknown> does not fit.
class UntypedStrategy {
  readonly name = 'untyped';
  async fetch(request: FetchRequest): Promise<FetchResult> {
    return {
      status: 200,
      url: request.url,
      headers: {},
      body: undefined,
      timings: { queuedAt: 0, startedAt: 0, endedAt: 0, attempts: 1, waitedMs: 0 },
    };
  }
}
// @ts-expect-error fetch must be generic: FetchResult<unknown> is not FetchResult<TBody>
expectTypeOf<UntypedStrategy>().toExtend<FetchStrategy>();

// Misuses the types must reject.
// @ts-expect-error methods are upper-case HTTP methods
expectTypeOf(strategy.fetch).toBeCallableWith({ url: 'http://127.0.0.1/', method: 'get' });
// @ts-expect-error an unknown body stays unknown until the caller names its type
expectTypeOf<FetchResult['body']>().toHaveProperty('name');

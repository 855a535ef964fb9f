// Type tests for withDecorators' settings: checked by `tsc -p tsconfig.spec.json` (the typecheck target), never run.
import { expectTypeOf } from 'expect-type';
import type { FetchStrategy } from '@waitless/core/plugin';
import type {
  ConcurrencyLimitSettings,
  RateLimitSettings,
  RetrySettings,
  StandardDecoratorSettings,
  TimeoutSettings,
} from './decorator-settings';
import { withDecorators } from './with-decorators';

declare const strategy: FetchStrategy;

expectTypeOf(withDecorators).parameters.toEqualTypeOf<[strategy: FetchStrategy, settings: StandardDecoratorSettings]>();
expectTypeOf(withDecorators).returns.toEqualTypeOf<FetchStrategy>();

// Settings are written as in config: every decorator optional, defaults not yet applied.
expectTypeOf(withDecorators).toBeCallableWith(strategy, {});
expectTypeOf(withDecorators).toBeCallableWith(strategy, { retry: {} });
expectTypeOf(withDecorators).toBeCallableWith(strategy, {
  retry: { attempts: 3, methods: ['GET', 'PUT'], statuses: [503] },
  timeout: { totalMs: 5_000 },
  rateLimit: { requests: 10, intervalMs: 1_000 },
  concurrencyLimit: { maxInFlight: 4 },
});
expectTypeOf<keyof StandardDecoratorSettings>().toEqualTypeOf<'retry' | 'timeout' | 'rateLimit' | 'concurrencyLimit'>();
expectTypeOf<NonNullable<StandardDecoratorSettings['retry']>['attempts']>().toEqualTypeOf<number | undefined>();

// The validated settings types have the defaults filled in.
expectTypeOf<RetrySettings['attempts']>().toEqualTypeOf<number>();
expectTypeOf<RetrySettings['methods']>().toEqualTypeOf<Array<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'>>();
expectTypeOf<TimeoutSettings>().toEqualTypeOf<{ perAttemptMs?: number | undefined; totalMs?: number | undefined }>();
expectTypeOf<RateLimitSettings>().toEqualTypeOf<{ requests: number; intervalMs: number }>();
expectTypeOf<ConcurrencyLimitSettings>().toEqualTypeOf<{ maxInFlight: number }>();

// Misuses the types must reject.
// @ts-expect-error unknown decorator key (a typo of retry)
expectTypeOf(withDecorators).toBeCallableWith(strategy, { retries: { attempts: 3 } });
// @ts-expect-error attempts is a number
expectTypeOf(withDecorators).toBeCallableWith(strategy, { retry: { attempts: '3' } });
// @ts-expect-error rateLimit needs both requests and intervalMs
expectTypeOf(withDecorators).toBeCallableWith(strategy, { rateLimit: { requests: 10 } });
// @ts-expect-error methods are upper-case HTTP methods
expectTypeOf(withDecorators).toBeCallableWith(strategy, { retry: { methods: ['get'] } });

import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { gather } from '../combinators/gather';
import { waitlessWith } from '../../test/waitless-for-tests';
import { ConcurrencyLimitStrategy } from './concurrency-limit-strategy';
import { DECORATOR_ORDER, standardDecorators } from './standard-decorators';
import { withDecorators } from './with-decorators';
import { RateLimitStrategy } from './rate-limit-strategy';
import { RetryStrategy } from './retry-strategy';
import { TimeoutStrategy } from './timeout-strategy';

describe('standardDecorators', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('lists the decorators in documented order and leaves an unconfigured strategy alone', async () => {
    const plain = waitlessWith();
    expect(standardDecorators.map((d) => [d.key, d.order])).toEqual([
      ['concurrencyLimit', DECORATOR_ORDER.concurrencyLimit],
      ['rateLimit', DECORATOR_ORDER.rateLimit],
      ['timeout', DECORATOR_ORDER.perAttemptTimeout],
      ['retry', DECORATOR_ORDER.retry],
      ['timeout', DECORATOR_ORDER.totalTimeout],
    ]);
    // Only the runtime's tracing (outermost, published on waitless:fetch) wraps the transport.
    const traced = plain.strategy() as unknown as { inner: object };
    expect(traced.constructor.name).toBe('TracedStrategy');
    expect(traced.inner.constructor.name).toBe('NativeAsyncStrategy');
    await plain.close();
  });

  it('wraps from config alone: tracing › total timeout › retry › attempt timeout › rate limit › concurrency › transport', async () => {
    const waitless = waitlessWith({
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 10, jitter: true, methods: ['GET'], statuses: [503], respectRetryAfter: true },
      timeout: { perAttemptMs: 2_000, totalMs: 10_000 },
      rateLimit: { requests: 100, intervalMs: 1_000 },
      concurrencyLimit: { maxInFlight: 2 },
    });
    const chain: string[] = [];
    for (let s: unknown = waitless.strategy(); s; s = (s as { inner?: unknown }).inner) chain.push((s as object).constructor.name);
    expect(chain).toEqual([
      'TracedStrategy',
      TimeoutStrategy.name,
      RetryStrategy.name,
      TimeoutStrategy.name,
      RateLimitStrategy.name,
      ConcurrencyLimitStrategy.name,
      'NativeAsyncStrategy',
    ]);
    expect(waitless.strategy().name).toBe('native-async');

    // Attempts and waiting add up through the whole chain; queuedAt stays the caller's.
    const strategy = waitless.strategy();
    const results = await gather(
      [1, 2, 3, 4].map(
        (i) => (signal: AbortSignal) =>
          strategy.fetch({ url: `${server.url}/api/v2/pokemon/${i}?failTimes=2&key=chain-${i}&latency=20`, signal }),
      ),
      { concurrency: Infinity },
    );
    for (const { timings } of results) {
      expect(timings.attempts).toBe(3);
      expect(timings.queuedAt).toBeLessThan(timings.startedAt);
    }
    // Two slots for four callers, three attempts each: somebody queued.
    expect(Math.max(...results.map((r) => r.timings.waitedMs))).toBeGreaterThan(15);
    await waitless.close();
  });
});

describe('withDecorators', () => {
  const transport = { name: 'bare', fetch: () => Promise.reject(new Error('not called')) };

  it('builds the same chain as config, without DI', () => {
    const chain: string[] = [];
    const wrapped = withDecorators(transport, {
      retry: { attempts: 2 },
      timeout: { perAttemptMs: 100 },
      concurrencyLimit: { maxInFlight: 1 },
    });
    for (let s: unknown = wrapped; s; s = (s as { inner?: unknown }).inner) chain.push((s as object).constructor.name);
    expect(chain).toEqual([RetryStrategy.name, TimeoutStrategy.name, ConcurrencyLimitStrategy.name, 'Object']);
    expect(withDecorators(transport, {})).toBe(transport);
  });

  it('validates the settings and names the bad field', () => {
    expect(() => withDecorators(transport, { retry: { attempts: 0 } })).toThrow(
      'Invalid config in withDecorators settings: "retry.attempts" Too small: expected number to be >=1. ' +
        'Fix the value, or remove the field to use the default.',
    );
  });
});

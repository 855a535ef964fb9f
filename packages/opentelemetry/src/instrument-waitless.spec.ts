import { context, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import type { WaitlessRuntime } from '@waitless/core';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { RETRY_ONCE, STRATEGY_NAMES, waitlessOn } from '../test/waitless-on';
import { instrumentWaitless, INSTRUMENTATION_NAME, type WaitlessInstrumentation } from './index';

// The server runs in a child process, because blocking-sync blocks this thread on purpose.
let server: FixtureServerProcess;
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');
let instrumentation: WaitlessInstrumentation;

beforeAll(async () => {
  server = await startFixtureServerProcess();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  instrumentation = instrumentWaitless({ tracerProvider: provider });
});
afterAll(async () => {
  instrumentation?.disable();
  context.disable();
  await provider.shutdown();
  await server?.close();
});
beforeEach(() => exporter.reset());

const clientSpans = (): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CLIENT);

/** Runs `work` inside a new active span and returns that span (ended). */
async function underParent(work: () => Promise<unknown>): Promise<Span> {
  return tracer.startActiveSpan('parent', async (span) => {
    await work();
    span.end();
    return span;
  });
}

describe.each(STRATEGY_NAMES)('instrumentWaitless on %s', (name) => {
  let waitless: WaitlessRuntime;
  beforeAll(() => (waitless = waitlessOn(name, RETRY_ONCE)));
  afterAll(() => waitless?.close());

  it('exports one CLIENT span per call, a child of the caller’s active span, with the HTTP attributes', async () => {
    const url = `${server.url}/api/v2/pokemon/25`;
    const parent = await underParent(() => waitless.strategy().fetch({ url }));
    const spans = clientSpans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span.name).toBe('GET');
    expect(span.instrumentationScope.name).toBe(INSTRUMENTATION_NAME);
    expect(span.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span.attributes).toMatchObject({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_FULL]: url,
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: server.port,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
      'waitless.strategy': name,
    });
    expect(span.attributes).not.toHaveProperty(ATTR_HTTP_REQUEST_RESEND_COUNT);
    expect(span.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('counts a resend and records the retry as a span event when a call succeeds on its second attempt', async () => {
    await waitless.strategy().fetch({ url: `${server.url}/api/v2/pokemon/25?failTimes=1&key=otel-${name}` });
    const [span] = clientSpans();
    expect(span.attributes).toMatchObject({ [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200, [ATTR_HTTP_REQUEST_RESEND_COUNT]: 1 });
    expect(span.events.map((e) => e.name)).toEqual(['waitless.retry']);
    expect(span.events[0].attributes).toMatchObject({ 'waitless.retry.attempt': 1, [ATTR_ERROR_TYPE]: '503' });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    // No active span at the call: the span is a root.
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('marks a failed call as an error with error.type', async () => {
    await waitless
      .strategy()
      .fetch({ url: `${server.url}/api/v2/pokemon/25?status=404` })
      .catch(() => undefined);
    const spans = clientSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0].attributes).toMatchObject({ [ATTR_HTTP_RESPONSE_STATUS_CODE]: 404, [ATTR_ERROR_TYPE]: '404' });
    expect(spans[0].status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('instrumentWaitless with concurrent callers', () => {
  let waitless: WaitlessRuntime;
  beforeAll(() => (waitless = waitlessOn('native-async', { concurrencyLimit: { maxInFlight: 1 } })));
  afterAll(() => waitless?.close());

  it('gives each call its own caller’s parent and records concurrency-limit queueing as an event', async () => {
    const fetchUnder = (id: number): Promise<Span> =>
      underParent(() => waitless.strategy().fetch({ url: `${server.url}/api/v2/pokemon/${id}?latency=20` }));
    const parents = await Promise.all([fetchUnder(1), fetchUnder(2)]);
    const spans = clientSpans();
    expect(spans).toHaveLength(2);
    for (const parent of parents) {
      const id = parents.indexOf(parent) + 1;
      const span = spans.find((s) => String(s.attributes[ATTR_URL_FULL]).includes(`/pokemon/${id}?`));
      expect(span?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(span?.events.map((e) => e.name)).toEqual(['waitless.queue_wait']);
    }
  });

  it('stops exporting once disabled', async () => {
    const other = instrumentWaitless({ tracerProvider: provider });
    other.disable();
    await waitless.strategy().fetch({ url: `${server.url}/api/v2/pokemon/3` });
    // Only the instrumentation still enabled exports: one span, not two.
    expect(clientSpans()).toHaveLength(1);
  });
});

import { context, SpanKind, SpanStatusCode, trace, type Span, type TracerProvider } from '@opentelemetry/api';
import { subscribeToCalls, type FetchTraceContext } from '@waitless/core/plugin';
import { errorType, outcomeAttributes, requestAttributes } from './span-attributes';

/** Options of {@link instrumentWaitless}. */
export interface WaitlessInstrumentationOptions {
  /** Where spans go; default: the global tracer provider (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
}

/** A running instrumentation; `disable()` unsubscribes from every channel. */
export interface WaitlessInstrumentation {
  disable(): void;
}

/** The instrumentation scope spans are reported under. */
export const INSTRUMENTATION_NAME = '@waitless/opentelemetry';

/**
 * Turns every Waitless call (any strategy, blocking ones included) into one CLIENT span with the HTTP semantic-convention
 * attributes, a child of the span active where `fetch` was called. Retries, rate-limit waits and concurrency-limit
 * queueing become span events. Needs a context manager (e.g. `AsyncLocalStorageContextManager`) for the parent to carry
 * across `await`.
 * @example
 * const instrumentation = instrumentWaitless({ tracerProvider: provider });
 * await tracer.startActiveSpan('checkout', async (span) => { await strategy.fetch({ url }); span.end(); });
 * instrumentation.disable();
 */
export function instrumentWaitless(options: WaitlessInstrumentationOptions = {}): WaitlessInstrumentation {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME);
  // Keyed by the call's context object, which is the same in all its events and is dropped with the call.
  const spans = new WeakMap<FetchTraceContext, Span>();
  const disable = subscribeToCalls({
    // `start` runs synchronously in `fetch`, on the caller's thread: context.active() is the caller's context.
    start(call) {
      const span = tracer.startSpan(call.method, { kind: SpanKind.CLIENT, attributes: requestAttributes(call) }, context.active());
      spans.set(call, span);
    },
    error(call) {
      const span = spans.get(call);
      if (!span) return;
      if (call.error instanceof Error) span.recordException(call.error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: call.error instanceof Error ? call.error.message : String(call.error) });
    },
    end(call) {
      const span = spans.get(call);
      if (!span) return;
      spans.delete(call);
      span.setAttributes(outcomeAttributes(call));
      span.end();
    },
    retry(event) {
      const span = event.call && spans.get(event.call);
      span?.addEvent('waitless.retry', {
        'waitless.retry.attempt': event.attempt,
        'waitless.retry.delay_ms': event.delayMs,
        'error.type': errorType(event.error),
      });
    },
    gateWait(kind, event) {
      const span = event.call && spans.get(event.call);
      span?.addEvent(kind === 'rate-limit-wait' ? 'waitless.rate_limit_wait' : 'waitless.queue_wait', {
        'waitless.waited_ms': event.waitedMs,
      });
    },
  });
  return { disable };
}

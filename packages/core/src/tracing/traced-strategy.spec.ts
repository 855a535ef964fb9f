import { HttpError } from '../errors/http-error';
import type { FetchRequest, FetchResult, FetchStrategy } from '../fetch-strategy';
import { RecordingStrategy } from '../../test/fixtures/recording-strategy';
import { noteOnError } from './failed-call-timings';
import { fetchChannel, tracedCall, type FetchTraceContext } from './fetch-channel';
import { TracedStrategy } from './traced-strategy';

type Seen = { event: string; call: FetchTraceContext; store: FetchTraceContext | undefined };

/** Subscribes to every event of `waitless:fetch` for one test; returns what was seen, in order. */
function recordEvents(): { seen: Seen[]; stop(): void } {
  const seen: Seen[] = [];
  const on = (event: string) => (call: FetchTraceContext) => seen.push({ event, call, store: tracedCall() });
  const handlers = { start: on('start'), end: on('end'), asyncStart: on('asyncStart'), asyncEnd: on('asyncEnd'), error: on('error') };
  fetchChannel.subscribe(handlers);
  return { seen, stop: () => fetchChannel.unsubscribe(handlers) };
}

/** A strategy that fails the way a retry chain does: an HttpError with 3 attempts and 40 ms of waiting noted. */
class FailingStrategy implements FetchStrategy {
  readonly name = 'failing';
  async fetch<TBody>(request: FetchRequest): Promise<FetchResult<TBody>> {
    const error = new HttpError(503, request.method ?? 'GET', request.url, 'busy');
    noteOnError(error, { attempts: 2, waitedMs: 40 });
    throw error;
  }
}

describe('TracedStrategy', () => {
  it('hands back the inner promise untouched while nobody subscribes', () => {
    const inner = new RecordingStrategy('recording');
    const pending = inner.fetch({ url: 'http://127.0.0.1/x' });
    inner.fetch = <TBody>() => pending as Promise<FetchResult<TBody>>;
    expect(fetchChannel.hasSubscribers).toBe(false);
    expect(new TracedStrategy(inner).fetch({ url: 'http://127.0.0.1/x' })).toBe(pending);
  });

  it('publishes start, end and asyncEnd with the outcome, credentials redacted', async () => {
    const recorder = recordEvents();
    try {
      const result = await new TracedStrategy(new RecordingStrategy('recording')).fetch({
        url: 'http://me:secret@127.0.0.1/x',
        method: 'POST',
      });
      expect(recorder.seen.map((s) => s.event)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
      const call = recorder.seen[0].call;
      expect(recorder.seen.every((s) => s.call === call)).toBe(true);
      expect(call).toMatchObject({
        strategy: 'recording',
        method: 'POST',
        url: 'http://***@127.0.0.1/x',
        status: 200,
        attempts: 1,
        waitedMs: 0,
      });
      expect(call.timings).toEqual(result.timings);
      expect(call.result).toBe(result);
      // While the call runs (its start event included), wait events can name it.
      expect(recorder.seen[0].store).toBe(call);
    } finally {
      recorder.stop();
    }
  });

  it('publishes error with the status, attempts and waiting a failed call noted', async () => {
    const recorder = recordEvents();
    try {
      const error = await new TracedStrategy(new FailingStrategy()).fetch({ url: 'http://127.0.0.1/busy' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect(recorder.seen.map((s) => s.event)).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
      expect(recorder.seen[2].call).toMatchObject({ strategy: 'failing', status: 503, attempts: 3, waitedMs: 40, error });
    } finally {
      recorder.stop();
    }
  });
});

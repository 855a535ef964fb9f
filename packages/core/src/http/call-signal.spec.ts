import { getEventListeners, getMaxListeners, once } from 'node:events';
import { AbortError } from '../errors/abort-error';
import { TimeoutError } from '../errors/timeout-error';
import { abortedCallError, callSignal } from './call-signal';

const request = { method: 'GET' as const, url: 'http://127.0.0.1/x' };

describe('callSignal', () => {
  it('needs no signal when neither a caller signal nor a timeout is given', () => {
    expect(callSignal({}).signal).toBeUndefined();
  });

  it('follows the caller signal, and detaches from it on dispose', () => {
    const caller = new AbortController();
    const call = callSignal({ signal: caller.signal });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    caller.abort('stop');
    expect(call.signal?.aborted).toBe(true);
    expect(abortedCallError({ ...request, signal: caller.signal }, call.signal)).toBeInstanceOf(AbortError);
    expect(abortedCallError({ ...request, signal: caller.signal }, call.signal)).toMatchObject({ reason: 'stop', cause: 'stop' });

    const other = new AbortController();
    callSignal({ signal: other.signal }).dispose();
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });

  it('fires on the per-call timeout, reported as TimeoutError', async () => {
    const call = callSignal({ timeoutMs: 20 });
    await once(call.signal as AbortSignal, 'abort');
    expect(abortedCallError({ ...request, timeoutMs: 20 }, call.signal)).toBeInstanceOf(TimeoutError);
  });

  it('leaves a shared caller signal without a listener limit many calls could hit', () => {
    const shared = new AbortController().signal;
    callSignal({ signal: shared }).dispose();
    // Node 20 starts signals at 10 and the call raises it; Node 24 starts them unlimited (0) and it stays so.
    const limit = getMaxListeners(shared);
    expect(limit === 0 || limit >= 10_000).toBe(true);
  });
});

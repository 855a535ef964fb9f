import { getEventListeners, getMaxListeners } from 'node:events';
import { linkSignal } from './link-signal';

describe('linkSignal', () => {
  it('aborts with the outer reason, and unlinking removes its listener', () => {
    const outer = new AbortController();
    const { controller } = linkSignal(outer.signal);
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(1);
    outer.abort('stop');
    expect([controller.signal.aborted, controller.signal.reason]).toEqual([true, 'stop']);

    const other = new AbortController();
    const link = linkSignal(other.signal);
    link.unlink();
    link.unlink();
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
    other.abort();
    expect(link.controller.signal.aborted).toBe(false);
  });

  it('is aborted at once when the outer signal already is, and adds no listener', () => {
    const { controller } = linkSignal(AbortSignal.abort('too late'));
    expect(controller.signal.reason).toBe('too late');
  });

  it('aborts on its own without touching the outer signal', () => {
    const outer = new AbortController();
    const { controller, unlink } = linkSignal(outer.signal);
    controller.abort('just this call');
    expect(outer.signal.aborted).toBe(false);
    unlink();
  });

  it('works without an outer signal', () => {
    const { controller, unlink } = linkSignal(undefined);
    expect(controller.signal.aborted).toBe(false);
    unlink();
  });

  it('lifts the listener limit of the shared outer signal only', () => {
    const outer = new AbortController().signal;
    const { controller, unlink } = linkSignal(outer);
    // Node 20 starts signals at 10 and the link raises it; Node 24 starts them unlimited (0) and it stays so.
    const limit = getMaxListeners(outer);
    expect(limit === 0 || limit >= 10_000).toBe(true);
    expect(getMaxListeners(controller.signal)).toBe(getMaxListeners(new AbortController().signal));
    unlink();
  });
});

import { dispatchPerTurn } from './dispatch-per-turn';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('dispatchPerTurn', () => {
  it('keeps at most `concurrency` tasks in flight and runs every task once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    const dispatched = await dispatchPerTurn(
      25,
      async (i) => {
        seen.push(i);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (i % 5 === 0) throw new Error('a failing task does not stop the others');
      },
      { concurrency: 4 },
    );
    expect(dispatched).toBe(25);
    expect(seen).toEqual([...Array(25).keys()]);
    expect(maxInFlight).toBe(4);
  });

  it('starts at most one task per event-loop turn', async () => {
    const gates = Array.from({ length: 3 }, deferred);
    const started: number[] = [];
    const run = dispatchPerTurn(3, (i) => (started.push(i), gates[i].promise), { concurrency: 3 });
    await new Promise((r) => setImmediate(r));
    expect(started.length).toBeLessThan(3);
    gates.forEach((g) => g.resolve());
    await run;
    expect(started).toEqual([0, 1, 2]);
  });

  it('stops dispatching when the signal aborts and waits for the started tasks', async () => {
    const controller = new AbortController();
    const dispatched = await dispatchPerTurn(
      100,
      async (i) => {
        if (i === 2) controller.abort();
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(dispatched).toBe(3);
  });

  it('names a bad concurrency', async () => {
    await expect(dispatchPerTurn(1, async () => undefined, { concurrency: 0 })).rejects.toThrow(
      'concurrency must be an integer ≥ 1 (got 0)',
    );
  });
});

import { MAX_COUNT } from './option-parsers';
import { workloadIndexes, workloadTasks } from './workload-indexes';

// Issue 13, defect 5: a huge --count used to fail with "Invalid array length" because the workload was built
// as an array before the first request. 2^32 is one more element than any array can hold, so only a lazy
// sequence can hand out its first items; MAX_COUNT is the most the CLI accepts.
const HUGE_COUNTS = [MAX_COUNT, 2 ** 32, Number.MAX_SAFE_INTEGER];

/** Pulls `k` items one by one, then stops the way a `for…of` with `break` does. */
function take<T>(items: Generator<T, void, undefined>, k: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    taken.push(item);
    if (taken.length === k) break;
  }
  return taken;
}

describe('workloadIndexes', () => {
  it.each(HUGE_COUNTS)('for count %d, is a lazy sequence that makes only what is pulled', (count) => {
    const indexes = workloadIndexes(count);
    expect(Array.isArray(indexes)).toBe(false);
    expect(take(indexes, 5)).toEqual([0, 1, 2, 3, 4]);
    // Stopping early closed it: nothing past the fifth index was made, and nothing more will be.
    expect(indexes.next()).toEqual({ done: true, value: undefined });
  });

  it('gives exactly 0 … count - 1', () => {
    expect([...workloadIndexes(3)]).toEqual([0, 1, 2]);
    expect([...workloadIndexes(0)]).toEqual([]);
  });
});

describe('workloadTasks', () => {
  it.each(HUGE_COUNTS)('for count %d, makes each task when pulled and runs it only when called', async (count) => {
    const ran: number[] = [];
    const tasks = workloadTasks(count, async (index) => {
      ran.push(index);
      return index * 10;
    });
    expect(Array.isArray(tasks)).toBe(false);
    const [first, second] = take(tasks, 2);
    expect(ran).toEqual([]);
    const signal = new AbortController().signal;
    expect(await second(signal)).toBe(10);
    expect(await first(signal)).toBe(0);
    expect(ran).toEqual([1, 0]);
    expect(tasks.next()).toEqual({ done: true, value: undefined });
  });

  it('hands each task the signal it is called with', async () => {
    const seen: AbortSignal[] = [];
    const [task] = [...workloadTasks(1, async (_index, signal) => void seen.push(signal))];
    const signal = new AbortController().signal;
    await task(signal);
    expect(seen).toEqual([signal]);
  });
});

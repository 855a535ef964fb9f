import { AbortError, HttpError, NetworkError } from '@waitless/core';
import { RequestTally } from './request-tally';

describe('RequestTally', () => {
  it('counts failures per error type, keeps aborts apart and picks the exit code', async () => {
    const tally = new RequestTally();
    expect(await tally.settle(async () => 'pikachu')).toBe('pikachu');
    for (const error of [
      new HttpError(503, 'GET', 'u', ''),
      new HttpError(503, 'GET', 'u', ''),
      new NetworkError('GET', 'u', 'reset'),
      new AbortError('GET', 'u'),
    ]) {
      expect(
        await tally.settle(async () => {
          throw error;
        }),
      ).toBeUndefined();
    }
    expect([tally.ok, tally.failed, tally.aborted]).toEqual([1, 3, 1]);
    expect(tally.failureSummary()).toBe('HttpError 503 ×2, NetworkError ×1');
    expect(tally.failureExamples()[1]).toBe('NetworkError: Network error: GET u — reset. Check that the server is running and reachable.');
    expect(tally.exitCode()).toBe(1);
    expect(new RequestTally().exitCode()).toBe(0);
  });
});

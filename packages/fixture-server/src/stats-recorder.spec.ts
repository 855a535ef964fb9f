import { MAX_REQUEST_RECORDS, StatsRecorder } from './stats-recorder';

describe('StatsRecorder', () => {
  it('keeps only the most recent 10,000 request records, oldest first', () => {
    const recorder = new StatsRecorder();
    for (let i = 0; i < MAX_REQUEST_RECORDS + 50; i++) {
      recorder.end(recorder.start('GET', '/text'), { status: 200, aborted: false, reset: false });
    }
    const stats = recorder.snapshot();
    expect(stats.total).toBe(MAX_REQUEST_RECORDS + 50);
    expect(stats.requests).toHaveLength(MAX_REQUEST_RECORDS);
    expect(stats.requests[0].id).toBe(51);
    expect(stats.requests.at(-1)?.id).toBe(MAX_REQUEST_RECORDS + 50);
  });

  it('does not count a request that started before a reset when it ends after it', () => {
    const recorder = new StatsRecorder();
    const ticket = recorder.start('GET', '/text');
    recorder.reset();
    expect(recorder.snapshot()).toMatchObject({ total: 0, inFlight: 1, maxInFlight: 1 });
    recorder.end(ticket, { status: 200, aborted: false, reset: false });
    expect(recorder.snapshot()).toMatchObject({ total: 0, inFlight: 0, completed: 0 });
  });
});

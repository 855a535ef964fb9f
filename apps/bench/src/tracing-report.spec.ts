import { benchPlan } from './bench-plan';
import { buildReport, machineMeta } from './bench-report';
import { formatReport } from './format-report';

describe('the tracing section of the report', () => {
  const report = buildReport(
    benchPlan(true),
    {
      // 2,000 requests per round: medians 1,000 / 1,000 / 1,250 ms are 2,000 / 2,000 / 1,600 req/s.
      tracing: {
        client: 'native-async',
        requests: 2_000,
        concurrency: 16,
        untracedMs: [1_100, 1_000, 900],
        noSubscriberMs: [1_000, 990, 1_010],
        subscribedMs: [1_250, 1_300, 1_200],
      },
      skipped: [],
      failures: [],
    },
    machineMeta(true, 0),
  );

  it('turns the rounds into medians, requests per second and the two ratios', () => {
    expect(report.tracing).toEqual({
      name: 'native-async',
      requests: 2_000,
      concurrency: 16,
      rounds: 3,
      untracedRps: 2_000,
      noSubscriberRps: 2_000,
      subscribedRps: 1_600,
      noSubscriberVsUntraced: 1,
      subscribedVsNoSubscriber: 0.8,
    });
  });

  it('renders them as section 9', () => {
    const text = formatReport(report);
    expect(text).toContain('9. Tracing cost: native-async, 2000 requests at c=16 (closed loop), median of 3 interleaved rounds');
    expect(text).toMatch(/waitless:fetch, nobody subscribed\s+2000\s+1\.000× of no layer/);
    expect(text).toMatch(/waitless:fetch with a subscriber\s+1600\s+0\.800× of unsubscribed/);
  });
});

// Event-loop lag scenario child: max and p99 loop delay while `requests` GETs at `latencyMs` are in flight,
// and the garbage-collection pauses inside the same window.
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { LoopLagArgs, LoopLagMeasurement } from '../scenario-protocol';
import { fanOut, pikachuUrl } from './fan-out';
import { runAsScenario } from './run-as-scenario';
import { withClient } from './with-client';

const NS_PER_MS = 1e6;
// The monitor records a delay only when its next timer tick runs: it has to tick once before the work
// starts, and once more after it ends (a blocking strategy settles every call inside the block).
const MONITOR_LEAD_MS = 20;

runAsScenario<LoopLagArgs, LoopLagMeasurement>((args) =>
  withClient(args.client, args.poolSize, async (client) => {
    // Untimed: open sockets / start every worker thread, so the measurement is steady state.
    await fanOut(client, Math.min(args.requests, Math.max(args.poolSize, 50)), pikachuUrl(args.url), args.via);

    // GC pauses stop the loop too: recording them beside the lag says how much of it they explain.
    const gcPauses: PerformanceEntry[] = [];
    const gcObserver = new PerformanceObserver((list) => void gcPauses.push(...list.getEntries()));
    gcObserver.observe({ entryTypes: ['gc'] });
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await delay(MONITOR_LEAD_MS);
    const startedAt = performance.now();
    await fanOut(client, args.requests, pikachuUrl(args.url, args.latencyMs), args.via);
    const wallMs = performance.now() - startedAt;
    await delay(MONITOR_LEAD_MS);
    histogram.disable();
    // Entries are delivered asynchronously; the delay above has let the last ones arrive.
    gcObserver.disconnect();
    const windowStart = startedAt - MONITOR_LEAD_MS;
    const gcMs = gcPauses.filter((e) => e.startTime >= windowStart).map((e) => e.duration);
    return {
      client: args.client,
      via: args.via,
      requests: args.requests,
      latencyMs: args.latencyMs,
      maxMs: histogram.max / NS_PER_MS,
      p99Ms: histogram.percentile(99) / NS_PER_MS,
      wallMs,
      gcCount: gcMs.length,
      gcMaxMs: Math.max(0, ...gcMs),
      gcTotalMs: gcMs.reduce((sum, ms) => sum + ms, 0),
    };
  }),
);

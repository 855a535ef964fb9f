// Event-loop lag scenario child: max and p99 loop delay while `requests` GETs at `latencyMs` are in flight.
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
    await fanOut(client, Math.min(args.requests, Math.max(args.poolSize, 50)), pikachuUrl(args.url));

    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await delay(MONITOR_LEAD_MS);
    const startedAt = performance.now();
    await fanOut(client, args.requests, pikachuUrl(args.url, args.latencyMs));
    const wallMs = performance.now() - startedAt;
    await delay(MONITOR_LEAD_MS);
    histogram.disable();
    return {
      client: args.client,
      requests: args.requests,
      latencyMs: args.latencyMs,
      maxMs: histogram.max / NS_PER_MS,
      p99Ms: histogram.percentile(99) / NS_PER_MS,
      wallMs,
    };
  }),
);

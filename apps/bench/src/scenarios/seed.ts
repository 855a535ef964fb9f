// Seed scenario child: N timed repetitions of `requests` GETs at `latencyMs`, sequential or all at once.
import type { SeedArgs, SeedMeasurement } from '../scenario-protocol';
import { fanOut, pikachuUrl, sequentially } from './fan-out';
import { runAsScenario } from './run-as-scenario';
import { withClient } from './with-client';

runAsScenario<SeedArgs, SeedMeasurement>((args) =>
  withClient(args.client, args.poolSize, async (client) => {
    const batch = (url: string): Promise<void> =>
      args.mode === 'sequential' ? sequentially(client, args.requests, url) : fanOut(client, args.requests, url);
    // Untimed, with no server latency: opens the connections and starts the worker threads.
    const warmupStarted = performance.now();
    await batch(pikachuUrl(args.url));
    const warmupMs = performance.now() - warmupStarted;

    const url = pikachuUrl(args.url, args.latencyMs);
    const runsMs: number[] = [];
    for (let i = 0; i < args.repetitions; i++) {
      const startedAt = performance.now();
      await batch(url);
      runsMs.push(performance.now() - startedAt);
    }
    return { client: args.client, mode: args.mode, runsMs, warmupMs };
  }),
);

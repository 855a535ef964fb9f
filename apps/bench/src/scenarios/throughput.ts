// Throughput scenario child: a closed loop of `requests` GETs (no server latency) at each concurrency,
// with the CPU time the client's process spent on them.
import type { ThroughputArgs, ThroughputMeasurement, ThroughputRun } from '../scenario-protocol';
import { summarizeLatencies } from '../stats';
import { runClosedLoop } from './closed-loop';
import { pikachuUrl } from './fan-out';
import { runAsScenario } from './run-as-scenario';
import { withClient } from './with-client';

runAsScenario<ThroughputArgs, ThroughputMeasurement>((args) =>
  withClient(args.client, args.poolSize, async (client) => {
    const url = pikachuUrl(args.url);
    const call = (): Promise<void> => client.get(url);
    const runs: ThroughputRun[] = [];
    for (const concurrency of args.concurrencies) {
      // Warm at the same concurrency: sockets (and threads) for this many lanes exist before timing.
      await runClosedLoop(args.warmupRequests, concurrency, call);
      // getrusage(RUSAGE_SELF): every thread of this process, so worker-threaded's pool is counted too.
      const cpuBefore = process.cpuUsage();
      const { elapsedMs, latenciesMs } = await runClosedLoop(args.requests, concurrency, call);
      const cpu = process.cpuUsage(cpuBefore);
      const { p50, p99 } = summarizeLatencies(latenciesMs);
      runs.push({ concurrency, requests: args.requests, elapsedMs, p50Ms: p50, p99Ms: p99, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    return { client: args.client, runs };
  }),
);

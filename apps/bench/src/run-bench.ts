import type { BenchMeasurements } from './bench-report';
import type { BenchPlan, Section } from './bench-plan';
import { sampleColdStart } from './run-cold-start';
import { isSkipped, runScenario } from './run-scenario';
import {
  CLIENT_LABELS,
  STRATEGY_PLUGINS,
  type ClientName,
  type ColdStartMeasurement,
  type ScenarioName,
  type ScenarioTypes,
  type SeedMeasurement,
} from './scenario-protocol';

/** Options for {@link runBench}. */
export interface RunBenchOptions {
  plan: BenchPlan;
  sections: readonly Section[];
  /** Only these clients (every section); undefined runs the plan's full lists. The seed baseline always runs. */
  clients?: readonly ClientName[];
  /** The fixture server's base URL. */
  url: string;
  /** Receives one line per step (the CLI prints them to stderr). */
  progress(line: string): void;
}

/**
 * Runs the planned scenarios one child process at a time (never two at once: on 2 cores they would
 * measure each other) and collects their measurements. A client whose plugin is missing is skipped
 * with a note; a client whose scenario crashes is listed in `failures` and the run goes on.
 */
export async function runBench({ plan, sections, clients, url, progress }: RunBenchOptions): Promise<BenchMeasurements> {
  const m: BenchMeasurements = { skipped: [], failures: [] };
  const isWanted = (client: ClientName): boolean => !clients || clients.includes(client);
  const wanted = <C extends ClientName>(list: readonly C[]): C[] => list.filter(isWanted);
  const run = async <N extends ScenarioName>(
    name: N,
    args: ScenarioTypes[N]['args'],
    what: string,
  ): Promise<ScenarioTypes[N]['result'] | undefined> => {
    progress(`${what}…`);
    const startedAt = performance.now();
    let result;
    try {
      result = await runScenario(name, args);
      progress(`  done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    } catch (error) {
      // One broken client must not cost the other measurements; the run still exits non-zero.
      m.failures.push(`${what}: ${(error as Error).message}`);
      progress(`  FAILED: ${(error as Error).message}`);
      return undefined;
    }
    if (isSkipped(result)) {
      m.skipped.push(`${what}: ${result.skipped}`);
      progress(`  skipped: ${result.skipped}`);
      return undefined;
    }
    return result;
  };
  const label = (client: ClientName): string => CLIENT_LABELS[client];

  if (sections.includes('seed')) {
    const s = plan.seed;
    const seedArgs = (client: ClientName, mode: 'sequential' | 'concurrent') => ({
      url,
      client,
      mode,
      requests: s.requests,
      latencyMs: s.latencyMs,
      repetitions: s.repetitions,
      poolSize: s.poolSize,
    });
    const sequential = await run(
      'seed',
      seedArgs(s.baseline, 'sequential'),
      `seed: sequential ${label(s.baseline)}, ${s.requests} × ${s.latencyMs} ms`,
    );
    if (!sequential) throw new Error(`The seed baseline ${s.baseline} is not available, so no speedup can be computed.`);
    const concurrent: SeedMeasurement[] = [];
    for (const client of wanted(s.clients)) {
      const result = await run('seed', seedArgs(client, 'concurrent'), `seed: ${label(client)}, ${s.requests} at once`);
      if (result) concurrent.push(result);
    }
    m.seed = { sequential, concurrent };
  }

  if (sections.includes('throughput')) {
    const t = plan.throughput;
    m.throughput = [];
    for (const client of wanted(t.clients)) {
      const result = await run(
        'throughput',
        { url, client, requests: t.requests, concurrencies: t.concurrencies, poolSize: t.poolSize, warmupRequests: t.warmupRequests },
        `throughput: ${label(client)}, ${t.requests} requests at c=${t.concurrencies.join('/')}`,
      );
      if (result) m.throughput.push(result);
    }
  }

  if (sections.includes('coldStart')) {
    m.coldStart = await measureColdStart(plan.coldStart, wanted(plan.coldStart.clients), url, progress, m);
  }

  if (sections.includes('dispatch')) {
    m.dispatch = await run('dispatch', plan.dispatch, `dispatch: toThread vs raw piscina, pool of ${plan.dispatch.poolSize}`);
  }

  if (sections.includes('loopLag')) {
    const l = plan.loopLag;
    m.loopLag = [];
    for (const { client, via } of l.runs.filter((r) => isWanted(r.client))) {
      const requests = client === 'blocking-sync' ? l.blockingRequests : l.requests;
      const result = await run(
        'loop-lag',
        { url, client, via, requests, latencyMs: l.latencyMs, poolSize: l.poolSize },
        `loop lag: ${label(client)} via ${via}, ${requests} × ${l.latencyMs} ms in flight`,
      );
      if (result) m.loopLag.push(result);
    }
  }

  if (sections.includes('memory')) {
    const { clients: memoryClients, ...mem } = plan.memory;
    m.memory = [];
    for (const client of wanted(memoryClients)) {
      const result = await run(
        'memory',
        { url, client, ...mem },
        `memory: ${mem.items} requests through mapStream at c=${mem.concurrency} on ${label(client)}`,
      );
      if (result) m.memory.push(result);
    }
  }
  if (sections.includes('tracing') && isWanted(plan.tracing.client)) {
    const t = plan.tracing;
    m.tracing = await run(
      'tracing-cost',
      { url, ...t },
      `tracing: ${label(t.client)} without the layer / unsubscribed / subscribed, ${t.rounds} × ${t.requests} at c=${t.concurrency}`,
    );
  }
  return m;
}

/**
 * Cold starts: `samples` fresh processes per strategy plus the empty-process floor, interleaved (one
 * sample of each in turn) so a busy moment of the machine hits every strategy alike.
 */
async function measureColdStart(
  plan: BenchPlan['coldStart'],
  strategies: BenchPlan['coldStart']['clients'],
  url: string,
  progress: RunBenchOptions['progress'],
  m: BenchMeasurements,
): Promise<ColdStartMeasurement[]> {
  const clients = ['node', ...strategies] as const;
  const measured = new Map<ColdStartMeasurement['client'], ColdStartMeasurement>(
    clients.map((client) => [client, { client, requests: plan.requests, latencyMs: plan.latencyMs, samples: [] }]),
  );
  progress(`cold start: ${clients.join(', ')}; ${plan.samples} fresh processes each, ${plan.requests} × ${plan.latencyMs} ms…`);
  const startedAt = performance.now();
  for (let i = 0; i < plan.samples; i++) {
    for (const client of clients) {
      const entry = measured.get(client);
      if (!entry) continue;
      const args =
        client === 'node'
          ? null
          : {
              url,
              strategy: client,
              plugin: STRATEGY_PLUGINS[client],
              requests: plan.requests,
              latencyMs: plan.latencyMs,
              poolSize: plan.poolSize,
            };
      try {
        entry.samples.push(await sampleColdStart(args));
      } catch (error) {
        m.failures.push(`cold start ${client}: ${(error as Error).message}`);
        progress(`  FAILED ${client}: ${(error as Error).message}`);
        measured.delete(client);
      }
    }
  }
  progress(`  done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return [...measured.values()];
}

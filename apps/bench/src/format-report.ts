import type { BenchReport } from './bench-report';
import { renderTable, type Column } from '@waitless/text-table';

// The report is read on a UTF-8 terminal or in docs/benchmarks.md, where a solid rule reads best.
const table = (columns: readonly Column[], rows: readonly (readonly string[])[]): string => renderTable(columns, rows, { rule: '─' });

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const ratio = (value: number | null): string => (value === null ? '—' : `${value.toFixed(2)}×`);

/** The human-readable report: one table a section, then the targets with met / missed. */
export function formatReport(report: BenchReport): string {
  const { meta } = report;
  const versions = Object.entries(meta.versions ?? {})
    .map(([name, version]) => `${name} ${version ?? 'not installed'}`)
    .join(', ');
  const parts = [
    `Waitless benchmarks${meta.quick ? ' (--quick)' : ''} — ${meta.date}, Node ${meta.node}, ${meta.cores} cores (${meta.cpu}), ` +
      `load ${meta.loadAverage.join(' ')}, took ${fixed(meta.durationMs / 1000)} s` +
      (versions ? `\nPeers and transports: ${versions}` : ''),
  ];

  if (report.seed) {
    const s = report.seed;
    parts.push(
      section(
        `1. Seed: ${s.requests} requests at ${s.latencyMs} ms latency, median of ${s.repetitions} ` +
          `(sequential ${fixed(s.sequentialMs, 0)} ms; best peer ${s.bestPeer ?? '—'})`,
        table(
          [
            { header: 'client' },
            { header: 'via' },
            { header: 'wall ms', align: 'right' },
            { header: 'speedup', align: 'right' },
            { header: 'vs best peer', align: 'right' },
            { header: 'warm-up ms', align: 'right' },
          ],
          s.results.map((r) => [
            r.name,
            r.via,
            fixed(r.wallMs),
            `${fixed(r.speedup, 2)}×`,
            r.kind === 'baseline' ? '' : ratio(r.ratioToBestPeer),
            String(r.warmupMs),
          ]),
        ),
      ),
    );
  }
  if (report.throughput) {
    const t = report.throughput;
    parts.push(
      section(
        `2. Throughput: ${t[0]?.requests ?? 0} requests at 0 ms latency per concurrency (closed loop); ` +
          'CPU = user + system of the client process per request',
        table(
          [
            { header: 'client' },
            { header: 'c', align: 'right' },
            { header: 'req/s', align: 'right' },
            { header: 'p50 ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
            { header: 'CPU µs/req', align: 'right' },
            { header: 'vs best peer', align: 'right' },
            { header: 'vs fetch', align: 'right' },
            { header: 'vs undici', align: 'right' },
          ],
          t.map((r) => [
            r.name,
            String(r.concurrency),
            String(r.rps),
            fixed(r.p50Ms, 2),
            fixed(r.p99Ms, 2),
            fixed(r.cpuUsPerRequest, 0),
            ratio(r.ratioToBestPeer),
            ratio(r.ratioToFetch),
            ratio(r.ratioToUndici),
          ]),
        ),
      ),
    );
  }
  if (report.peers && report.peers.length > 0) {
    const strategyNames = [...new Set(report.peers.flatMap((p) => p.strategies.map((x) => x.name)))];
    parts.push(
      section(
        "3. Strategies vs peers: each strategy's req/s ÷ the best peer's at the same concurrency",
        table(
          [
            { header: 'c', align: 'right' },
            { header: 'best peer' },
            { header: 'req/s', align: 'right' },
            ...strategyNames.map((name) => ({ header: name, align: 'right' as const })),
            { header: 'native-async ÷ ky', align: 'right' },
          ],
          report.peers.map((p) => [
            String(p.concurrency),
            p.bestPeer?.name ?? '—',
            p.bestPeer ? String(p.bestPeer.rps) : '—',
            ...strategyNames.map((name) => ratio(p.strategies.find((x) => x.name === name)?.ratioToBestPeer ?? null)),
            ratio(p.nativeAsyncToKy),
          ]),
        ),
      ),
    );
  }
  if (report.cpuPerRequest && report.cpuPerRequest.length > 0) {
    const c = report.cpuPerRequest;
    parts.push(
      section(
        `4. CPU per request at c=${c[0].concurrency}: process.cpuUsage() (user + system, every thread) ÷ completed requests`,
        table(
          [{ header: 'client' }, { header: 'CPU µs/req', align: 'right' }, { header: 'vs leanest peer', align: 'right' }],
          c.map((r) => [r.name, fixed(r.cpuUsPerRequest, 0), ratio(r.ratioToLeanestPeer)]),
        ),
      ),
    );
  }
  if (report.coldStart) {
    const c = report.coldStart;
    const ms = (value: number | null): string => (value === null ? '—' : fixed(value, 0));
    parts.push(
      section(
        `5. Cold start: a fresh \`node\` process on the built packages, ${c.requests} × ${c.latencyMs} ms through gather, ` +
          `median of ${c.samples}; ms from just before the spawn`,
        table(
          [
            { header: 'client' },
            { header: 'first result', align: 'right' },
            { header: 'vs native-async', align: 'right' },
            { header: 'gather done', align: 'right' },
            { header: 'vs native-async', align: 'right' },
            { header: 'exit', align: 'right' },
          ],
          c.results.map((r) => [
            r.name,
            ms(r.firstResultMs),
            ratio(r.firstResultVsNativeAsync),
            ms(r.gatherMs),
            ratio(r.gatherVsNativeAsync),
            ms(r.exitMs),
          ]),
        ),
      ),
    );
  }
  if (report.dispatch) {
    const d = report.dispatch;
    parts.push(
      section(
        `6. Dispatch overhead: trivial function round trip, pool of ${d.poolSize}, ` +
          `median of ${d.batches} batches × ${d.callsPerBatch} calls`,
        table(
          [{ header: 'path' }, { header: 'µs/call', align: 'right' }],
          [
            ['toThread', fixed(d.toThreadUs)],
            ['raw piscina', fixed(d.piscinaUs)],
            ['ratio', `${fixed(d.ratio, 2)}×`],
          ],
        ),
      ),
    );
  }
  if (report.loopLag) {
    parts.push(
      section(
        `7. Event-loop lag while requests are in flight (monitorEventLoopDelay, 1 ms resolution; GC pauses from perf_hooks)`,
        table(
          [
            { header: 'client' },
            { header: 'via' },
            { header: 'requests', align: 'right' },
            { header: 'latency ms', align: 'right' },
            { header: 'max ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
            { header: 'GCs', align: 'right' },
            { header: 'GC max ms', align: 'right' },
            { header: 'GC total ms', align: 'right' },
            { header: 'wall ms', align: 'right' },
          ],
          report.loopLag.map((l) => [
            l.name,
            l.via,
            String(l.requests),
            String(l.latencyMs),
            fixed(l.maxMs),
            fixed(l.p99Ms),
            String(l.gcCount),
            fixed(l.gcMaxMs),
            fixed(l.gcTotalMs),
            String(l.wallMs),
          ]),
        ),
      ),
    );
  }
  if (report.memory && report.memory.length > 0) {
    const first = report.memory[0];
    parts.push(
      section(
        `8. Memory: ${first.items.toLocaleString('en-US')} requests through mapStream at concurrency ${first.concurrency}`,
        table(
          [
            { header: 'client' },
            { header: 'RSS at start MB', align: 'right' },
            { header: 'peak RSS MB', align: 'right' },
            { header: 'RSS at 10% MB', align: 'right' },
            { header: 'RSS at end MB', align: 'right' },
            { header: 'end / 10%', align: 'right' },
            { header: 'wall s', align: 'right' },
          ],
          report.memory.map((m) => [
            m.name,
            fixed(m.rssStartMb),
            fixed(m.peakRssMb),
            fixed(m.rssAt10PctMb),
            fixed(m.rssEndMb),
            `${fixed(m.endVs10Pct, 3)}×`,
            fixed(m.wallMs / 1000),
          ]),
        ),
      ),
    );
  }
  if (report.tracing) {
    const t = report.tracing;
    parts.push(
      section(
        `9. Tracing cost: ${t.name}, ${t.requests} requests at c=${t.concurrency} (closed loop), median of ${t.rounds} interleaved rounds`,
        table(
          [{ header: 'variant' }, { header: 'req/s', align: 'right' }, { header: 'ratio', align: 'right' }],
          [
            ["no tracing layer (the plugin's strategy)", String(t.untracedRps), ''],
            ['waitless:fetch, nobody subscribed', String(t.noSubscriberRps), `${fixed(t.noSubscriberVsUntraced, 3)}× of no layer`],
            ['waitless:fetch with a subscriber', String(t.subscribedRps), `${fixed(t.subscribedVsNoSubscriber, 3)}× of unsubscribed`],
          ],
        ),
      ),
    );
  }
  parts.push(
    section(
      'Targets (reported, not asserted)',
      table(
        [{ header: 'target' }, { header: 'goal', align: 'right' }, { header: 'actual', align: 'right' }, { header: 'result' }],
        report.targets.map((t) => [
          t.detail ? `${t.description} (${t.detail})` : t.description,
          `${t.goal} ${t.unit}`,
          t.actual === null ? '—' : `${t.actual} ${t.unit}`,
          t.met === null ? 'not run' : t.met ? 'met' : 'MISSED',
        ]),
      ),
    ),
  );
  if (report.failures.length > 0) parts.push(section('FAILED', report.failures.map((s) => `- ${s}`).join('\n')));
  if (report.skipped.length > 0) parts.push(section('Skipped', report.skipped.map((s) => `- ${s}`).join('\n')));
  return `${parts.join('\n\n')}\n`;
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

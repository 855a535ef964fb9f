import type { RunParams } from '../shared/run-events';
import { idealWallMs } from '../shared/run-summary';
import { el } from './dom';
import { formatMs, formatRate, formatShare, formatSpeedup, niceDomain } from './format';
import { RunChart } from './run-chart';
import type { RunRecord } from './run-record';

/** Every registered strategy run on the same inputs, one after another. */
export interface Comparison {
  params: RunParams;
  /** In the order they run. */
  strategies: string[];
  /** The runs so far, in that order. */
  runs: RunRecord[];
  state: 'running' | 'done' | 'cancelled';
}

/** The fastest run that finished with no failures (else with the fewest); cancelled or broken runs never win. */
export function comparisonWinner(runs: readonly RunRecord[]): RunRecord | undefined {
  const finished = runs.filter((r) => r.state === 'done' && r.summary && !r.partial);
  return finished.sort(
    (a, b) => (a.summary?.failed ?? 0) - (b.summary?.failed ?? 0) || (a.summary?.wallMs ?? 0) - (b.summary?.wallMs ?? 0),
  )[0];
}

function table(comparison: Comparison, winner: RunRecord | undefined): HTMLElement {
  const wrap = el('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Comparison table');
  const t = el('table', 'comparison-table');
  t.dataset['testid'] = 'comparison-table';
  t.append(el('caption', 'visually-hidden', 'Every strategy on the same inputs; the winner is the fastest run without failures'));
  const head = el('tr');
  for (const title of [
    'Strategy',
    'Wall time',
    'Speedup',
    'Of ideal',
    'p50 / p95 / p99',
    'Throughput',
    'Waiting',
    'Max loop lag',
    'OK / failed',
  ]) {
    const th = el('th', '', title);
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const strategy of comparison.strategies) {
    const run = comparison.runs.find((r) => r.params.strategy === strategy);
    const row = el('tr');
    row.dataset['testid'] = 'comparison-row';
    row.dataset['strategy'] = strategy;
    const name = el('th', '', strategy);
    name.scope = 'row';
    if (run && run === winner) {
      row.classList.add('winner');
      row.dataset['winner'] = 'true';
      const badge = el('span', 'badge winner', 'winner');
      badge.dataset['testid'] = 'winner-badge';
      name.append(' ', badge);
    }
    row.append(name);
    const s = run?.summary;
    const cells = s
      ? [
          formatMs(s.wallMs),
          formatSpeedup(s.speedup),
          s.idealWallMs > 0 ? formatShare(s.idealWallMs, s.wallMs) : '–',
          `${Math.round(s.latency.p50)} / ${Math.round(s.latency.p95)} / ${Math.round(s.latency.p99)} ms`,
          formatRate(s.requestsPerSecond),
          formatShare(s.waitingMs, s.sumDurationMs),
          formatMs(s.maxLagMs),
          `${s.ok} / ${s.failed}${run?.state === 'cancelled' ? ' (cancelled)' : ''}`,
        ]
      : [run ? 'running…' : comparison.state === 'running' ? 'waiting' : 'not run', '', '', '', '', '', '', ''];
    cells.forEach((text, i) => {
      const td = el('td', '', text);
      if (s && i === 0) td.dataset['testid'] = 'comparison-wall';
      row.append(td);
    });
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead, body);
  wrap.append(t);
  return wrap;
}

/**
 * A comparison: a table with the numbers (winner marked), then every finished run on one shared time axis,
 * the ideal wall time drawn as the same dashed line across all of them.
 */
export function comparisonView(comparison: Comparison): HTMLElement {
  const root = el('div', 'comparison');
  const winner = comparisonWinner(comparison.runs);
  root.append(table(comparison, winner));
  const finished = comparison.runs.filter((r) => r.summary);
  const ideal = idealWallMs(comparison.params);
  const domain = niceDomain(Math.max(ideal, ...finished.map((r) => r.endedAt ?? 0)));
  const axis = el('div', 'comparison-lanes');
  axis.dataset['testid'] = 'comparison-chart';
  axis.dataset['domain'] = String(domain);
  for (const run of finished) {
    const lane = el('div', `comparison-lane${run === winner ? ' winner' : ''}`);
    lane.dataset['testid'] = 'comparison-lane';
    lane.dataset['strategy'] = run.params.strategy;
    const title = el('h3', '', run.params.strategy);
    if (run === winner) title.append(el('span', 'badge winner', 'winner'));
    title.append(el('span', 'lane-wall', formatMs(run.summary?.wallMs ?? NaN)));
    const chart = new RunChart({ compact: true });
    chart.update(run, domain);
    lane.append(title, chart.element);
    axis.append(lane);
  }
  root.append(axis);
  return root;
}

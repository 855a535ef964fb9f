import { HEARTBEAT_INTERVAL_MS, type RunParams, type RunSummary, type WarmUpReport } from '../shared/run-events';
import { formatMs, formatRate, formatShare, formatSpeedup } from './format';
import { el } from './dom';

/** What the summary shows besides the numbers: the inputs and how the warm-up went. */
export interface SummaryContext {
  params: RunParams;
  warmUp?: WarmUpReport;
  /** Computed by the page from what settled (the stream broke before the server's summary). */
  partial?: boolean;
}

/** How the speedup was computed, in words. */
export function describeBaseline(summary: RunSummary, params: RunParams): string {
  return summary.baseline === 'ideal-sequential'
    ? `ideal sequential time ${formatMs(summary.baselineMs)} (${summary.ok + summary.failed} × ${params.latencyMs} ms) ÷ wall time`
    : `Σ measured request durations ${formatMs(summary.baselineMs)} ÷ wall time (no configured latency to compare with)`;
}

/**
 * The numbers after a run: wall time, speedup and its baseline, latency percentiles, throughput, waiting vs
 * on the wire, loop lag, ok / failed.
 */
export function summaryView(summary: RunSummary | undefined, compact: boolean, context?: SummaryContext): HTMLElement {
  const grid = el('dl', `summary${compact ? ' compact' : ''}`);
  grid.dataset['testid'] = 'run-summary';
  const stat = (key: string, label: string, value: string, note = '', tone = ''): void => {
    const box = el('div', `stat ${tone}`);
    const dd = el('dd', '', value);
    dd.dataset['testid'] = `summary-${key}`;
    box.append(el('dt', '', label), dd);
    if (note && !compact) box.append(el('dd', 'stat-note', note));
    grid.append(box);
  };
  if (!summary || !context) {
    const labels = compact
      ? ['Wall time', 'Speedup', 'p95', 'OK / failed']
      : ['Wall time', 'Speedup', 'Latency p50 / p95 / p99', 'OK / failed'];
    labels.forEach((label, i) => stat(['wall', 'speedup', 'latency', 'ok'][i], label, '–'));
    return grid;
  }
  const { params, warmUp } = context;
  // The unrounded numbers, for tests and anyone reading the page's markup.
  grid.dataset['speedup'] = String(summary.speedup);
  grid.dataset['wallMs'] = String(summary.wallMs);
  const settled = summary.ok + summary.failed;
  const warm = warmUp ? `warm-up ${formatMs(warmUp.ms)} before it, not included` : 'first dispatch → last settled';
  stat('wall', 'Wall time', formatMs(summary.wallMs), warm);
  stat(
    'speedup',
    'Speedup vs sequential',
    formatSpeedup(summary.speedup),
    describeBaseline(summary, params),
    summary.speedup >= 1.5 ? 'good' : '',
  );
  const { p50, p95, p99 } = summary.latency;
  if (compact) {
    stat('latency', 'p95', formatMs(p95));
  } else {
    stat(
      'latency',
      'Latency p50 / p95 / p99',
      `${Math.round(p50)} / ${Math.round(p95)} / ${Math.round(p99)} ms`,
      `over ${settled} settled requests`,
    );
    if (summary.idealWallMs > 0) {
      const concurrency = params.mode === 'sequential' ? 1 : params.concurrency;
      stat(
        'ideal',
        'Of ideal',
        formatShare(summary.idealWallMs, summary.wallMs),
        `ideal ${formatMs(summary.idealWallMs)} = ⌈${settled} ÷ ${concurrency}⌉ × ${params.latencyMs} ms`,
      );
    }
    stat('rate', 'Throughput', formatRate(summary.requestsPerSecond), 'settled requests ÷ wall time');
    stat(
      'waiting',
      'Waiting vs on the wire',
      `${formatShare(summary.waitingMs, summary.sumDurationMs)} waiting`,
      `Σ ${formatMs(summary.waitingMs)} queued (threads, limits, back-off) · Σ ${formatMs(summary.wireMs)} on the wire`,
    );
    stat(
      'lag',
      'Max loop lag',
      formatMs(summary.maxLagMs),
      `longest heartbeat gap − ${HEARTBEAT_INTERVAL_MS} ms`,
      summary.maxLagMs >= 50 ? 'bad' : 'good',
    );
  }
  const retried = summary.retried > 0 ? ` · ${summary.retried} retried` : '';
  const of =
    summary.cancelled || context.partial ? `${settled} of ${params.count} settled before it stopped` : `of ${params.count} requests`;
  stat('ok', 'OK / failed', `${summary.ok} / ${summary.failed}${retried}`, of, summary.failed > 0 ? 'warn' : '');
  return grid;
}

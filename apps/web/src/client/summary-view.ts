import { HEARTBEAT_INTERVAL_MS, type RunSummary } from '../shared/run-events';
import { formatMs } from './format';
import { el } from './run-chart';

/** The numbers after a run: wall time, speedup vs sequential, max loop lag, ok / failed. */
export function summaryView(summary: RunSummary | undefined, compact: boolean): HTMLElement {
  const grid = el('dl', `summary${compact ? ' compact' : ''}`);
  grid.dataset['testid'] = 'run-summary';
  const stat = (key: string, label: string, value: string, hint: string, tone = '', note = ''): void => {
    const box = el('div', `stat ${tone}`);
    box.title = hint;
    const dd = el('dd', '', value);
    dd.dataset['testid'] = `summary-${key}`;
    box.append(el('dt', '', label), dd);
    if (note && !compact) box.append(el('span', 'stat-note', note));
    grid.append(box);
  };
  if (!summary) {
    for (const [key, label] of [
      ['wall', 'Wall time'],
      ['speedup', 'Speedup'],
      ['lag', 'Max loop lag'],
      ['ok', 'OK / failed'],
    ]) {
      stat(key, label, '–', '');
    }
    return grid;
  }
  stat(
    'wall',
    'Wall time',
    formatMs(summary.wallMs),
    'First request dispatched → last request settled',
    '',
    'first dispatch → last settled',
  );
  stat(
    'speedup',
    'Speedup vs sequential',
    `${summary.speedup.toFixed(summary.speedup >= 10 ? 0 : 1)}×`,
    `Computed, not re-run: Σ request durations (${formatMs(summary.sumDurationMs)}) ÷ wall time. ` +
      '1× means the requests ran one after another.',
    summary.speedup >= 1.5 ? 'good' : '',
    `Σ ${formatMs(summary.sumDurationMs)} of requests ÷ wall time`,
  );
  stat(
    'lag',
    'Max loop lag',
    formatMs(summary.maxLagMs),
    `Longest heartbeat gap minus the ${HEARTBEAT_INTERVAL_MS} ms interval: how long the loop could not turn`,
    summary.maxLagMs >= 50 ? 'bad' : 'good',
    `longest heartbeat gap − ${HEARTBEAT_INTERVAL_MS} ms`,
  );
  const retried = summary.retried > 0 ? ` · ${summary.retried} retried` : '';
  stat(
    'ok',
    'OK / failed',
    `${summary.ok} / ${summary.failed}${retried}`,
    `${summary.ok + summary.failed} of ${summary.dispatched} requests settled`,
    summary.failed > 0 ? 'warn' : '',
    `of ${summary.dispatched} requests${summary.cancelled ? ' (cancelled)' : ''}`,
  );
  return grid;
}

import { formatAxis, formatMs } from './format';
import { el } from './dom';
import type { RequestBar, RunRecord } from './run-record';

const BINS = 12;

/** Settled requests' durations, ms. */
function durations(record: RunRecord): number[] {
  return [...record.bars.values()].filter((b) => b.end !== undefined).map((b) => (b.end ?? b.start) - b.start);
}

/**
 * A latency histogram of the settled requests: equal-width bins from the fastest to the slowest, each with
 * its count written out, so it reads without a mouse.
 */
export function latencyHistogram(record: RunRecord): HTMLElement {
  const figure = el('figure', 'histogram');
  figure.dataset['testid'] = 'latency-histogram';
  const values = durations(record);
  const caption = el('figcaption', '', 'Latency histogram');
  figure.append(caption);
  if (values.length === 0) {
    figure.append(el('p', 'empty', 'No request settled.'));
    return figure;
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = Math.max(1, (max - min) / BINS);
  const counts = new Array<number>(max > min ? BINS : 1).fill(0);
  for (const v of values) counts[Math.min(counts.length - 1, Math.floor((v - min) / width))]++;
  const peak = Math.max(...counts);
  const list = el('ol', 'bins');
  counts.forEach((count, i) => {
    const from = min + i * width;
    const to = counts.length === 1 ? max : from + width;
    const item = el('li', 'bin');
    item.dataset['testid'] = 'histogram-bin';
    item.dataset['count'] = String(count);
    const bar = el('span', 'bin-bar');
    bar.style.height = `${(count / peak) * 100}%`;
    bar.setAttribute('aria-hidden', 'true');
    item.append(bar, el('span', 'bin-count', String(count)), el('span', 'bin-range', `${Math.round(from)}–${Math.round(to)} ms`));
    list.append(item);
  });
  figure.append(list);
  return figure;
}

function result(bar: RequestBar): string {
  if (bar.end === undefined) return 'in flight';
  if (bar.ok) return `ok ${bar.status ?? ''}`.trim();
  return bar.error ?? `failed ${bar.status ?? ''}`.trim();
}

/** Every request of the run as a table: the chart's text alternative. Collapsed until opened. */
export function requestTable(record: RunRecord): HTMLElement {
  const details = el('details', 'request-details');
  details.dataset['testid'] = 'request-details';
  details.append(el('summary', '', `Request details (${record.bars.size} rows)`));
  const wrap = el('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Request details');
  const table = el('table', 'requests');
  table.dataset['testid'] = 'request-table';
  table.append(el('caption', 'visually-hidden', `Requests of the ${record.params.strategy} run; times since the first dispatch`));
  const head = el('tr');
  for (const title of ['#', 'Start', 'End', 'Duration', 'Waiting', 'On the wire', 'Result', 'Attempts']) {
    const th = el('th', '', title);
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const bar of [...record.bars.values()].sort((a, b) => a.index - b.index)) {
    const row = el('tr');
    if (bar.end !== undefined && !bar.ok) row.className = 'failed';
    const duration = bar.end === undefined ? undefined : bar.end - bar.start;
    const waited = Math.min(duration ?? 0, bar.waitedMs ?? 0);
    const cells = [
      String(bar.index + 1),
      formatAxis(Math.max(0, bar.start)),
      bar.end === undefined ? '–' : formatAxis(bar.end),
      duration === undefined ? '–' : formatMs(duration),
      duration === undefined ? '–' : formatMs(waited),
      duration === undefined ? '–' : formatMs(duration - waited),
      result(bar),
      String(bar.attempts ?? 1),
    ];
    cells.forEach((text, i) => {
      const cell = i === 0 ? el('th', '', text) : el('td', '', text);
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      row.append(cell);
    });
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  wrap.append(table);
  details.append(wrap);
  return details;
}

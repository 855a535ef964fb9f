import { formatAxis, formatMs, niceStep } from './format';
import { heartbeatGaps, longestGap } from '@waitless/concurrency/heartbeat';
import { currentTime, type RequestBar, type RunRecord } from './run-record';
import { HEARTBEAT_INTERVAL_MS } from '../shared/run-events';
import { idealWallMs } from '../shared/run-summary';
import { el } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A gap counts as a stall from three missed beats on. */
const GAP_FACTOR = 3;

/** Size options: the live chart is tall, comparison cards are compact. */
export interface RunChartOptions {
  compact: boolean;
}

/**
 * Draws one run on a time axis: a bar per request (start → end, coloured ok / failed / retried, striped
 * while in flight), the ideal wall time as a dashed line, and below it the heartbeat strip (one tick per
 * beat of the run's loop, stalls shaded and labelled). Everything is positioned in % of the domain, so it
 * scales freely. The chart is a picture; the request table next to it is its text alternative.
 */
export class RunChart {
  readonly element: HTMLElement;
  private readonly axis: HTMLElement;
  private readonly timeline: HTMLElement;
  private readonly heartbeat: HTMLElement;
  private readonly tickPath: SVGPathElement;
  private readonly gapLayer: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly ideal: HTMLElement;
  private readonly bars = new Map<number, HTMLElement>();

  constructor(private readonly options: RunChartOptions) {
    this.element = el('div', `run-chart${options.compact ? ' compact' : ''}`);
    this.axis = el('div', 'axis');
    this.timeline = el('div', 'timeline');
    this.timeline.dataset['testid'] = 'timeline';
    this.ideal = el('div', 'ideal-line');
    this.ideal.dataset['testid'] = 'ideal-line';
    this.ideal.hidden = true;
    this.ideal.append(el('span', 'ideal-label'));
    this.timeline.append(this.ideal);
    this.heartbeat = el('div', 'heartbeat');
    this.heartbeat.dataset['testid'] = 'heartbeat';
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 1000 10');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.classList.add('ticks');
    this.tickPath = document.createElementNS(SVG_NS, 'path');
    this.tickPath.setAttribute('vector-effect', 'non-scaling-stroke');
    svg.append(this.tickPath);
    this.gapLayer = el('div', 'gaps');
    this.caption = el('span', 'heartbeat-caption');
    this.caption.dataset['testid'] = 'heartbeat-caption';
    this.heartbeat.append(svg, this.gapLayer, this.caption);

    this.element.setAttribute('role', 'img');
    const rows = el('div', 'chart-rows');
    rows.append(
      lane('Requests', this.timeline),
      lane(options.compact ? 'Loop' : 'Event loop', this.heartbeat, options.compact ? '' : `${HEARTBEAT_INTERVAL_MS} ms beat`),
      lane('', this.axis),
    );
    this.element.append(rows);
  }

  /** Redraws `record` on a `domainMs` wide axis (0 … domainMs since the first request). */
  update(record: RunRecord, domainMs: number): void {
    const now = currentTime(record);
    const pct = (ms: number): string => `${(Math.min(Math.max(ms, 0), domainMs) / domainMs) * 100}%`;
    this.drawAxis(domainMs);

    const count = record.params.count;
    const settled = [...record.bars.values()].filter((b) => b.end !== undefined).length;
    this.element.setAttribute(
      'aria-label',
      `Timeline of ${record.params.strategy}: ${settled} of ${count} requests settled over ${formatMs(now)}; ` +
        'the request table has the details.',
    );
    const ideal = record.summary?.idealWallMs ?? idealWallMs(record.params);
    this.ideal.hidden = !(ideal > 0);
    if (ideal > 0) {
      this.ideal.style.left = pct(ideal);
      this.ideal.dataset['ms'] = String(ideal);
      (this.ideal.firstChild as HTMLElement).textContent = `ideal ${formatMs(ideal)}`;
    }
    const maxHeight = this.options.compact ? 96 : 260;
    const row = Math.min(this.options.compact ? 6 : 13, maxHeight / count);
    this.timeline.style.height = `${Math.max(row * count, this.options.compact ? 24 : 40)}px`;
    this.timeline.dataset['count'] = String(count);
    for (const bar of record.bars.values()) {
      let node = this.bars.get(bar.index);
      if (!node) {
        node = el('div', 'bar');
        node.dataset['testid'] = 'timeline-bar';
        node.dataset['index'] = String(bar.index);
        this.bars.set(bar.index, node);
        this.timeline.append(node);
      }
      const end = bar.end ?? now;
      node.className = `bar ${barKind(bar)}`;
      node.dataset['start'] = bar.start.toFixed(1);
      if (bar.end !== undefined) node.dataset['end'] = bar.end.toFixed(1);
      node.style.left = pct(bar.start);
      node.style.width = `max(2px, ${(Math.max(0, Math.min(end, domainMs) - Math.max(bar.start, 0)) / domainMs) * 100}%)`;
      node.style.top = `${bar.index * row}px`;
      node.style.height = `${Math.max(1, row - (row > 4 ? 2 : 0))}px`;
      node.title = describeBar(bar, end);
    }

    const interval = record.heartbeatIntervalMs;
    const until = record.endedAt ?? now;
    let d = '';
    let shown = 0;
    for (const tick of record.ticks) {
      if (tick < 0 || tick > until) continue;
      const x = ((tick / domainMs) * 1000).toFixed(1);
      d += `M${x} 0V10`;
      shown++;
    }
    this.tickPath.setAttribute('d', d);
    this.heartbeat.dataset['tickCount'] = String(shown);

    // Until the run ends, the time since the last tick is only the next batch not having arrived yet.
    const gaps = heartbeatGaps(record.ticks, { from: 0, until, minMs: interval * GAP_FACTOR, ongoing: record.endedAt === undefined });
    const width = this.heartbeat.clientWidth || 800;
    this.gapLayer.replaceChildren(
      ...gaps.map((gap) => {
        const node = el('div', 'gap');
        const { ms } = gap;
        node.dataset['testid'] = 'heartbeat-gap';
        node.dataset['start'] = gap.start.toFixed(1);
        node.dataset['end'] = gap.end.toFixed(1);
        node.dataset['ms'] = ms.toFixed(1);
        node.style.left = pct(gap.start);
        node.style.width = `${((Math.min(gap.end, domainMs) - gap.start) / domainMs) * 100}%`;
        node.title = `Event loop stalled for ${formatMs(ms)}`;
        // Label a stall only where the label fits inside it.
        if (!this.options.compact && (ms / domainMs) * width > 50) node.append(el('span', 'gap-label', formatMs(ms)));
        return node;
      }),
    );
    const maxGap = longestGap(gaps)?.ms ?? 0;
    this.heartbeat.dataset['maxGapMs'] = maxGap.toFixed(1);
    if (!this.options.compact && record.endedAt !== undefined) {
      this.caption.textContent =
        gaps.length === 0 ? 'steady beat · no stalls' : `${gaps.length} stall${gaps.length === 1 ? '' : 's'} · longest ${formatMs(maxGap)}`;
      this.caption.classList.toggle('stalled', gaps.length > 0);
    } else {
      this.caption.textContent = '';
    }
  }

  private drawAxis(domainMs: number): void {
    if (this.axis.dataset['domain'] === String(domainMs)) return;
    this.axis.dataset['domain'] = String(domainMs);
    const step = niceStep(domainMs, this.options.compact ? 3 : 6);
    const labels: HTMLElement[] = [];
    for (let at = 0; at <= domainMs + 1e-6; at += step) {
      const label = el('span', 'axis-label', formatAxis(at));
      label.style.left = `${(at / domainMs) * 100}%`;
      labels.push(label);
    }
    this.axis.replaceChildren(...labels);
    this.element.style.setProperty('--grid-step', `${(step / domainMs) * 100}%`);
  }
}

function barKind(bar: RequestBar): string {
  if (bar.end === undefined) return 'in-flight';
  if (!bar.ok) return 'failed';
  return (bar.attempts ?? 1) > 1 ? 'retried' : 'ok';
}

function describeBar(bar: RequestBar, end: number): string {
  const what = bar.end === undefined ? 'in flight' : bar.ok ? `${bar.status ?? 'ok'}` : (bar.error ?? `failed ${bar.status ?? ''}`);
  const attempts = (bar.attempts ?? 1) > 1 ? ` · ${bar.attempts} attempts` : '';
  return `#${bar.index + 1} · ${formatAxis(bar.start)} → ${formatAxis(end)} (${formatMs(end - bar.start)}) · ${what}${attempts}`;
}

function lane(title: string, body: HTMLElement, note = ''): HTMLElement {
  const row = el('div', 'lane');
  const heading = el('div', 'lane-title', title);
  if (note) heading.append(el('small', '', note));
  row.append(heading, body);
  return row;
}

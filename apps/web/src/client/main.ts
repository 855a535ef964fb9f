import { RUN_LIMITS, type RunEvent, type RunMode, type RunParams, type StrategyInfo } from '../shared/run-events';
import { cancelRun, createRun, fetchStrategies, fetchTargets } from './api';
import { niceDomain } from './format';
import { el, RunChart } from './run-chart';
import { applyRunEvent, currentTime, newRunRecord, type RunRecord } from './run-record';
import { summaryView } from './summary-view';

const HISTORY_SIZE = 4;

const $ = <T extends HTMLElement>(selector: string): T => {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`Missing element ${selector}`);
  return node;
};

const form = $<HTMLFormElement>('#run-form');
const strategySelect = $<HTMLSelectElement>('#strategy');
const targetSelect = $<HTMLSelectElement>('#target');
const strategyInfo = $<HTMLElement>('[data-testid="strategy-description"]');
const concurrencyInput = $<HTMLInputElement>('#concurrency');
const runButton = $<HTMLButtonElement>('[data-testid="run-button"]');
const cancelButton = $<HTMLButtonElement>('[data-testid="cancel-button"]');
const formError = $<HTMLElement>('[data-testid="form-error"]');
const liveTitle = $<HTMLElement>('[data-testid="live-title"]');
const liveParams = $<HTMLElement>('[data-testid="live-params"]');
const status = $<HTMLElement>('[data-testid="run-status"]');
const progress = $<HTMLElement>('[data-testid="progress"]');
const liveChartHost = $<HTMLElement>('#live-chart');
const liveSummaryHost = $<HTMLElement>('#live-summary');
const historyHost = $<HTMLElement>('[data-testid="run-history"]');

let strategies: StrategyInfo[] = [];
let live: { record: RunRecord; chart: RunChart; source?: EventSource; frame?: number } | undefined;
const history: RunRecord[] = [];

function profileBadge(profile: string | undefined): HTMLElement {
  const badge = el('span', `badge ${profile ?? ''}`, profile ?? '');
  badge.dataset['testid'] = 'profile-badge';
  return badge;
}

function describeParams(p: RunParams): string {
  const mode = p.mode === 'gather' ? `gather · concurrency ${p.concurrency}` : 'sequential';
  const errors = p.errorRate > 0 ? ` · ${Math.round(p.errorRate * 100)}% errors` : '';
  return `${p.count} requests × ${p.latencyMs} ms · ${mode}${errors}`;
}

function showStrategyInfo(): void {
  const chosen = strategies.find((s) => s.name === strategySelect.value);
  strategyInfo.replaceChildren(...(chosen ? [profileBadge(chosen.profile), document.createTextNode(chosen.description)] : []));
}

function syncMode(): void {
  const mode = (form.elements.namedItem('mode') as RadioNodeList).value;
  concurrencyInput.disabled = mode === 'sequential';
}

function readParams(): RunParams {
  const number = (name: string): number => Number((form.elements.namedItem(name) as HTMLInputElement).value);
  return {
    strategy: strategySelect.value,
    target: targetSelect.value || 'fixture',
    mode: (form.elements.namedItem('mode') as RadioNodeList).value as RunMode,
    count: number('count'),
    concurrency: number('concurrency'),
    latencyMs: number('latencyMs'),
    errorRate: number('errorRate'),
  };
}

function setStatus(state: string, text = state): void {
  status.dataset['state'] = state;
  status.textContent = text;
}

function renderLive(): void {
  if (!live) return;
  const { record, chart } = live;
  const now = currentTime(record);
  chart.update(record, niceDomain(now));
  const settled = [...record.bars.values()].filter((b) => b.end !== undefined).length;
  progress.style.width = `${(settled / record.params.count) * 100}%`;
  if (record.state === 'running') setStatus('running', `running · ${settled} / ${record.params.count}`);
  live.frame = record.state === 'running' || record.state === 'starting' ? requestAnimationFrame(renderLive) : undefined;
}

function finishLive(): void {
  if (!live) return;
  const { record } = live;
  live.source?.close();
  if (live.frame !== undefined) cancelAnimationFrame(live.frame);
  live.frame = undefined;
  live.chart.update(record, niceDomain(currentTime(record)));
  liveSummaryHost.replaceChildren(summaryView(record.summary, false));
  const texts = { done: 'done', cancelled: 'cancelled', error: 'failed' } as const;
  const state = record.state === 'done' || record.state === 'cancelled' || record.state === 'error' ? record.state : 'error';
  setStatus(state, texts[state]);
  status.dataset['runId'] = record.id;
  if (record.error) showError(record.error);
  runButton.disabled = false;
  cancelButton.disabled = true;
  if (record.summary) {
    history.unshift(record);
    history.length = Math.min(history.length, HISTORY_SIZE);
    renderHistory();
  }
}

function renderHistory(): void {
  const domain = niceDomain(Math.max(...history.map((r) => r.endedAt ?? 0)));
  historyHost.replaceChildren(
    ...history.map((record) => {
      const card = el('article', 'panel card');
      card.dataset['testid'] = 'history-card';
      card.dataset['strategy'] = record.params.strategy;
      const head = el('header', 'card-head');
      const title = el('h3', '', record.params.strategy);
      title.append(profileBadge(record.profile));
      head.append(title, el('p', 'card-params', describeParams(record.params)));
      const chart = new RunChart({ compact: true });
      chart.update(record, domain);
      card.append(head, chart.element, summaryView(record.summary, true));
      return card;
    }),
  );
}

function showError(message: string): void {
  formError.textContent = message;
  formError.hidden = false;
}

async function startRun(): Promise<void> {
  formError.hidden = true;
  const params = readParams();
  runButton.disabled = true;
  let created: { id: string; eventsUrl: string };
  try {
    created = await createRun(params);
  } catch (error) {
    runButton.disabled = false;
    showError((error as Error).message);
    return;
  }
  const record = newRunRecord(created.id, params);
  const chart = new RunChart({ compact: false });
  live = { record, chart };
  liveChartHost.replaceChildren(chart.element);
  liveSummaryHost.replaceChildren(summaryView(undefined, false));
  liveTitle.replaceChildren(
    document.createTextNode(params.strategy),
    profileBadge(strategies.find((s) => s.name === params.strategy)?.profile),
  );
  liveParams.textContent = describeParams(params);
  status.dataset['runId'] = record.id;
  setStatus('starting', 'starting worker…');
  cancelButton.disabled = false;

  const source = new EventSource(created.eventsUrl);
  live.source = source;
  source.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as RunEvent;
    applyRunEvent(record, event);
    if (event.type === 'run-end' || event.type === 'run-error') finishLive();
  };
  source.onerror = () => {
    if (record.state === 'starting' || record.state === 'running') {
      applyRunEvent(record, { type: 'run-error', message: 'Lost the event stream (server stopped?).' });
      finishLive();
    }
  };
  live.frame = requestAnimationFrame(renderLive);
}

async function init(): Promise<void> {
  for (const [id, limits] of Object.entries({
    count: RUN_LIMITS.count,
    concurrency: RUN_LIMITS.concurrency,
    latency: RUN_LIMITS.latencyMs,
    'error-rate': RUN_LIMITS.errorRate,
  })) {
    const input = $<HTMLInputElement>(`#${id}`);
    input.min = String(limits.min);
    input.max = String(limits.max);
  }
  try {
    const [list, targets] = await Promise.all([fetchStrategies(), fetchTargets()]);
    strategies = list;
    strategySelect.replaceChildren(
      ...list.map((s) => {
        const option = el('option', '', `${s.name}${s.active ? '  (config default)' : ''}`);
        option.value = s.name;
        option.selected = s.active;
        return option;
      }),
    );
    targetSelect.replaceChildren(
      ...targets.map((t) => {
        const option = el('option', '', t.label);
        option.value = t.id;
        option.title = t.url;
        return option;
      }),
    );
    showStrategyInfo();
    document.body.dataset['ready'] = 'true';
  } catch (error) {
    showError(`Could not load the strategy registry: ${(error as Error).message}`);
  }
}

strategySelect.addEventListener('change', showStrategyInfo);
form.addEventListener('change', syncMode);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void startRun();
});
cancelButton.addEventListener('click', () => {
  if (!live || (live.record.state !== 'running' && live.record.state !== 'starting')) return;
  const { record } = live;
  live.source?.close();
  void cancelRun(record.id);
  record.state = 'cancelled';
  finishLive();
});
syncMode();
void init();

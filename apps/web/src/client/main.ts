import type { RunParams, StrategyInfo } from '../shared/run-events';
import { idealWallMs } from '../shared/run-summary';
import { fetchStrategies, fetchTargets } from './api';
import { comparisonView, comparisonWinner, type Comparison } from './comparison-view';
import { $, el } from './dom';
import { formatMs, niceDomain } from './format';
import { RunChart } from './run-chart';
import { latencyHistogram, requestTable } from './run-details';
import { comparisonToJson, download, runsToCsv, runToJson } from './run-export';
import { RunForm } from './run-form';
import { RunHistory } from './run-history';
import { currentTime, isActive, settledCount, type RunRecord, type RunState } from './run-record';
import { startRunSession, type RunSession } from './run-session';
import { summaryView } from './summary-view';

const formElement = $<HTMLFormElement>('#run-form');
const form = new RunForm(formElement);
const strategySelect = $<HTMLSelectElement>('#strategy');
const targetSelect = $<HTMLSelectElement>('#target');
const strategyInfo = $<HTMLElement>('[data-testid="strategy-description"]');
const runButton = $<HTMLButtonElement>('[data-testid="run-button"]');
const compareButton = $<HTMLButtonElement>('[data-testid="compare-all-button"]');
const cancelButton = $<HTMLButtonElement>('[data-testid="cancel-button"]');
const copyLinkButton = $<HTMLButtonElement>('[data-testid="copy-link-button"]');
const disabledReason = $<HTMLElement>('[data-testid="run-disabled-reason"]');
const formError = $<HTMLElement>('[data-testid="form-error"]');
const liveSection = $<HTMLElement>('[data-testid="live-run"]');
const liveTitle = $<HTMLElement>('[data-testid="live-title"]');
const liveParams = $<HTMLElement>('[data-testid="live-params"]');
const status = $<HTMLElement>('[data-testid="run-status"]');
const phase = $<HTMLElement>('[data-testid="run-phase"]');
const progressTrack = $<HTMLElement>('[data-testid="progress-track"]');
const progress = $<HTMLElement>('[data-testid="progress"]');
const liveChartHost = $<HTMLElement>('#live-chart');
const liveSummaryHost = $<HTMLElement>('#live-summary');
const liveExtrasHost = $<HTMLElement>('#live-extras');
const runExport = $<HTMLElement>('[data-testid="run-export"]');
const comparisonSection = $<HTMLElement>('[data-testid="comparison"]');
const comparisonParams = $<HTMLElement>('[data-testid="comparison-params"]');
const comparisonBody = $<HTMLElement>('#comparison-body');
const historyHost = $<HTMLElement>('[data-testid="run-history"]');
const announcer = $<HTMLElement>('[data-testid="announcer"]');

let strategies: StrategyInfo[] = [];
let loadError: string | undefined;
/** The record shown in the live panel (running, or finished / picked from the history). */
let shown: { record: RunRecord; chart: RunChart; frame?: number } | undefined;
let session: RunSession | undefined;
let comparison: Comparison | undefined;
const runHistory = new RunHistory();

const STATE_LABELS: Record<RunState, string> = {
  creating: 'creating',
  starting: 'starting worker',
  'warming-up': 'warming up',
  running: 'running',
  done: 'done',
  cancelled: 'cancelled',
  error: 'failed',
};

function profileBadge(profile: string | undefined): HTMLElement {
  const badge = el('span', `badge ${profile ?? ''}`, profile ?? '');
  badge.dataset['testid'] = 'profile-badge';
  return badge;
}

function describeParams(p: RunParams): string {
  const mode = p.mode === 'gather' ? `gather · concurrency ${p.concurrency}` : 'sequential';
  const errors = p.errorRate > 0 ? ` · ${Math.round(p.errorRate * 100)} % errors` : '';
  const target = p.target === 'fixture' ? '' : ` · ${p.target}`;
  return `${p.count} requests × ${p.latencyMs} ms · ${mode}${errors}${target}`;
}

function profileOf(record: RunRecord): string | undefined {
  return record.profile ?? strategies.find((s) => s.name === record.params.strategy)?.profile;
}

/** What the run is doing, in a sentence; waiting phases say why and for how long so far. */
function phaseText(record: RunRecord, elapsedMs: number): string {
  const { strategy, count } = record.params;
  const settled = settledCount(record);
  const waited = elapsedMs >= 300 ? ` (${formatMs(elapsedMs)} so far)` : '';
  switch (record.state) {
    case 'creating':
      return 'Asking the server for a run…';
    case 'starting':
      if (record.workerReused === undefined) return `Waiting for a worker thread…${waited}`;
      return record.workerReused
        ? `Reusing the warm worker thread of an earlier ${strategy} run…${waited}`
        : `Starting a worker thread for ${strategy}: the first run of a strategy starts one, later runs reuse it.${waited}`;
    case 'warming-up':
      return (
        `Warming up, not timed: ${record.warmUpRequests ?? 1} request${record.warmUpRequests === 1 ? '' : 's'} at once start ` +
        `${strategy}'s threads and connections, so start-up is not counted in the run.${waited}`
      );
    case 'running': {
      const warm = record.warmUp ? ` Warm-up took ${formatMs(record.warmUp.ms)} and is not included.` : '';
      return `Timed run: ${settled} of ${count} requests settled.${warm}`;
    }
    case 'done': {
      const warm = record.warmUp ? ` Warm-up before it: ${formatMs(record.warmUp.ms)}, not timed.` : '';
      return `Done: ${count} of ${count} requests in ${formatMs(record.summary?.wallMs ?? NaN)}.${warm}`;
    }
    case 'cancelled':
      return `${record.stoppedBecause ?? 'Cancelled.'} ${settled} of ${count} requests settled; the numbers below cover those.`;
    case 'error': {
      const cover = settled > 0 ? '; the numbers below cover those' : '';
      return `Failed: ${record.error ?? 'unknown error'} ${settled} of ${count} requests settled${cover}.`;
    }
  }
}

let phaseStartedAt = performance.now();
let lastPhase: string | undefined;

/** What changes the phase sentence, apart from counts and elapsed time. */
function phaseKey(record: RunRecord): string {
  return `${record.state}:${record.workerReused ?? ''}`;
}

function renderStatus(record: RunRecord): void {
  if (phaseKey(record) !== lastPhase) {
    lastPhase = phaseKey(record);
    phaseStartedAt = performance.now();
    announcer.textContent = `${record.params.strategy}: ${phaseText(record, 0)}`;
  }
  status.dataset['state'] = record.state;
  status.dataset['runId'] = record.id;
  status.textContent = STATE_LABELS[record.state];
  phase.textContent = phaseText(record, performance.now() - phaseStartedAt);
  const settled = settledCount(record);
  const share = record.state === 'done' ? 100 : Math.round((settled / record.params.count) * 100);
  progress.style.width = `${share}%`;
  progressTrack.setAttribute('aria-valuenow', String(share));
  progressTrack.setAttribute('aria-valuetext', `${settled} of ${record.params.count} requests settled`);
  progressTrack.dataset['value'] = String(share);
}

function chartDomain(record: RunRecord): number {
  return niceDomain(Math.max(currentTime(record), record.summary?.idealWallMs ?? idealWallMs(record.params)));
}

// While a run is going the chart is redrawn at most this often: a smooth enough picture that leaves the
// machine's cores to the run being measured.
const REDRAW_MS = 100;
let lastDrawn = 0;

function renderLive(): void {
  if (!shown) return;
  const { record, chart } = shown;
  const active = isActive(record);
  if (!active || performance.now() - lastDrawn >= REDRAW_MS) {
    lastDrawn = performance.now();
    chart.update(record, chartDomain(record));
    renderStatus(record);
  }
  shown.frame = active ? requestAnimationFrame(renderLive) : undefined;
}

/** Puts `record` in the live panel: chart, status, and once it has ended its summary, histogram, table and export. */
function show(record: RunRecord): void {
  if (shown?.frame !== undefined) cancelAnimationFrame(shown.frame);
  const chart = new RunChart({ compact: false });
  shown = { record, chart };
  lastPhase = undefined;
  liveChartHost.replaceChildren(chart.element);
  liveTitle.replaceChildren(document.createTextNode(record.params.strategy), profileBadge(profileOf(record)));
  liveParams.textContent = describeParams(record.params);
  renderEnded(record);
  renderLive();
}

function renderEnded(record: RunRecord): void {
  const ended = !isActive(record);
  liveSummaryHost.replaceChildren(
    summaryView(record.summary, false, { params: record.params, warmUp: record.warmUp, partial: record.partial }),
  );
  liveExtrasHost.replaceChildren(...(ended && record.bars.size > 0 ? [latencyHistogram(record), requestTable(record)] : []));
  runExport.hidden = !ended || record.id === '';
}

function setRunning(running: boolean): void {
  const blocked = running || loadError !== undefined;
  runButton.disabled = blocked;
  compareButton.disabled = blocked;
  cancelButton.disabled = !running;
}

function showFormError(message: string | undefined): void {
  formError.textContent = message ?? '';
  formError.hidden = !message;
}

/** Runs one run in the live panel; resolves with its record once it has ended (never rejects). */
async function runOne(params: RunParams): Promise<RunRecord> {
  session = startRunSession(
    params,
    (record) => {
      if (shown?.record !== record) show(record);
      else if (!isActive(record)) {
        renderEnded(record);
        renderLive();
      } else {
        // A new phase shows at once; counts and the chart follow on the next redraw.
        if (phaseKey(record) !== lastPhase) renderStatus(record);
        if (shown.frame === undefined) renderLive();
      }
    },
    (failure) => {
      if (!form.showServerError(failure.field, failure.message)) showFormError(failure.message);
    },
  );
  show(session.record);
  const record = await session.done;
  session = undefined;
  if (record.id && record.summary) {
    runHistory.add(record);
    renderHistory();
  }
  return record;
}

function readForRun(): RunParams | undefined {
  showFormError(undefined);
  const params = form.read();
  if (!params) return undefined;
  window.history.replaceState(null, '', form.toQuery());
  return params;
}

function bringResultsIntoView(): void {
  // On a phone the form fills the screen: after Run, the results are what to look at.
  if (window.matchMedia('(max-width: 760px)').matches) liveSection.scrollIntoView({ block: 'start' });
}

async function startRun(): Promise<void> {
  const params = readForRun();
  if (!params) return;
  setRunning(true);
  bringResultsIntoView();
  await runOne(params);
  setRunning(false);
}

function renderComparison(): void {
  if (!comparison) return;
  comparisonSection.hidden = false;
  const state = comparison.state === 'running' ? `running ${comparison.runs.length} of ${comparison.strategies.length}` : comparison.state;
  comparisonParams.textContent = `${describeParams(comparison.params)} · every strategy, one after another · ${state}`;
  comparisonSection.dataset['state'] = comparison.state;
  comparisonBody.replaceChildren(comparisonView(comparison));
}

async function compareAll(): Promise<void> {
  const params = readForRun();
  if (!params) return;
  const current: Comparison = { params, strategies: strategies.map((s) => s.name), runs: [], state: 'running' };
  comparison = current;
  setRunning(true);
  bringResultsIntoView();
  renderComparison();
  for (const strategy of current.strategies) {
    if (current.state !== 'running') break;
    const record = await runOne({ ...params, strategy });
    current.runs.push(record);
    if (record.state === 'cancelled') current.state = 'cancelled';
    renderComparison();
  }
  if (current.state === 'running') current.state = 'done';
  renderComparison();
  const winner = comparisonWinner(current.runs);
  announcer.textContent =
    current.state === 'done' && winner
      ? `Comparison done: ${winner.params.strategy} wins at ${formatMs(winner.summary?.wallMs ?? NaN)}.`
      : `Comparison ${current.state}.`;
  setRunning(false);
}

function renderHistory(): void {
  const runs = runHistory.all();
  if (runs.length === 0) {
    historyHost.replaceChildren(el('p', 'empty', 'Finished runs appear here.'));
    return;
  }
  historyHost.replaceChildren(
    ...runs.map((record) => {
      const card = el('article', 'panel card');
      card.dataset['testid'] = 'history-card';
      card.dataset['strategy'] = record.params.strategy;
      const head = el('header', 'card-head');
      const title = el('h3', '', record.params.strategy);
      title.append(profileBadge(profileOf(record)));
      if (record.state !== 'done') title.append(el('span', 'badge warn', STATE_LABELS[record.state]));
      head.append(title, el('p', 'card-params', describeParams(record.params)));
      const chart = new RunChart({ compact: true });
      chart.update(record, chartDomain(record));
      const view = el('button', 'secondary small', 'Show details');
      view.type = 'button';
      view.setAttribute(
        'aria-label',
        `Show details of the ${record.params.strategy} run from ${new Date(record.createdAt).toLocaleTimeString()}`,
      );
      view.addEventListener('click', () => {
        if (session) return;
        show(record);
        liveSection.focus();
      });
      card.append(head, chart.element, summaryView(record.summary, true, { params: record.params, warmUp: record.warmUp }), view);
      return card;
    }),
  );
}

function fileStem(kind: string, record: RunRecord): string {
  return `waitless-${kind}-${record.params.strategy}-${new Date(record.createdAt).toISOString().replace(/[:.]/g, '-')}`;
}

function showStrategyInfo(): void {
  const chosen = strategies.find((s) => s.name === strategySelect.value);
  strategyInfo.replaceChildren(...(chosen ? [profileBadge(chosen.profile), document.createTextNode(` ${chosen.description}`)] : []));
}

async function init(): Promise<void> {
  try {
    const [list, targets] = await Promise.all([fetchStrategies(), fetchTargets()]);
    if (list.length === 0) throw new Error('the server has no strategy registered');
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
    form.fromQuery(window.location.search);
    showStrategyInfo();
    loadError = undefined;
  } catch (error) {
    loadError =
      `Run is unavailable: the strategy list could not be loaded (${(error as Error).message}). ` +
      'Reload the page once the server is running.';
    disabledReason.textContent = loadError;
    disabledReason.hidden = false;
  }
  setRunning(false);
  renderHistory();
  document.body.dataset['ready'] = 'true';
}

strategySelect.addEventListener('change', showStrategyInfo);
formElement.addEventListener('change', () => window.history.replaceState(null, '', form.toQuery()));
formElement.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!runButton.disabled) void startRun();
});
compareButton.addEventListener('click', () => void compareAll());
cancelButton.addEventListener('click', () => {
  if (comparison?.state === 'running') comparison.state = 'cancelled';
  session?.cancel();
});
copyLinkButton.addEventListener('click', () => {
  window.history.replaceState(null, '', form.toQuery());
  const link = window.location.href;
  navigator.clipboard?.writeText(link).then(
    () => (announcer.textContent = 'Link copied.'),
    () => (announcer.textContent = `Copy this link: ${link}`),
  );
});
$<HTMLButtonElement>('[data-testid="export-run-json"]').addEventListener('click', () => {
  if (shown) download(`${fileStem('run', shown.record)}.json`, runToJson(shown.record), 'application/json');
});
$<HTMLButtonElement>('[data-testid="export-run-csv"]').addEventListener('click', () => {
  if (shown) download(`${fileStem('run', shown.record)}.csv`, runsToCsv([shown.record]), 'text/csv');
});
$<HTMLButtonElement>('[data-testid="export-comparison-json"]').addEventListener('click', () => {
  if (comparison?.runs[0])
    download(
      `${fileStem('comparison', comparison.runs[0])}.json`,
      comparisonToJson(comparison.runs, comparisonWinner(comparison.runs)?.params.strategy),
      'application/json',
    );
});
$<HTMLButtonElement>('[data-testid="export-comparison-csv"]').addEventListener('click', () => {
  if (comparison?.runs[0]) download(`${fileStem('comparison', comparison.runs[0])}.csv`, runsToCsv(comparison.runs), 'text/csv');
});
$<HTMLButtonElement>('[data-testid="clear-history"]').addEventListener('click', () => {
  runHistory.clear();
  renderHistory();
});
void init();

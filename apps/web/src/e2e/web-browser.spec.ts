import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../server/create-web-app';

// Debian's Chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const APP_ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACE_ROOT = path.resolve(APP_ROOT, '..', '..');
const CLI_BIN = path.join(WORKSPACE_ROOT, 'apps', 'cli', 'bin', 'waitless.js');
const OUTPUT = path.join(APP_ROOT, 'test-output');
const STATIC_DIR = path.join(OUTPUT, 'e2e-dist');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const KNOWN_STRATEGIES = ['native-async', 'worker-threaded', 'blocking-sync'];

interface Bar {
  index: number;
  start: number;
  end: number;
}

interface RunInputs {
  strategy: string;
  count: number;
  concurrency: number;
  latencyMs: number;
  /** Percent, as the form takes it. */
  errorPercent: number;
  mode: 'gather' | 'sequential';
}

type Doc = {
  document: {
    querySelector(s: string): { dataset: Record<string, string | undefined>; textContent: string | null } | null;
    querySelectorAll(s: string): { length: number };
  };
};

async function fill(page: Page, inputs: RunInputs): Promise<void> {
  await page.getByTestId('strategy-select').selectOption(inputs.strategy);
  await page.getByTestId(`mode-${inputs.mode}`).check({ force: true });
  await page.getByTestId('count-input').fill(String(inputs.count));
  if (inputs.mode === 'gather') await page.getByTestId('concurrency-input').fill(String(inputs.concurrency));
  await page.getByTestId('latency-input').fill(String(inputs.latencyMs));
  await page.getByTestId('error-rate-input').fill(String(inputs.errorPercent));
}

/** Resolves once the status shows a run other than `before` in one of `states`. */
async function waitForRunState(page: Page, before: string | null, states: string[], timeout = 90_000): Promise<void> {
  try {
    await page.waitForFunction(
      ({ before, states }) => {
        const status = (globalThis as unknown as Doc).document.querySelector('[data-testid="run-status"]');
        return status?.dataset['runId'] !== before && !!status?.dataset['runId'] && states.includes(status?.dataset['state'] ?? '');
      },
      { before, states },
      { timeout },
    );
  } catch (error) {
    const phase = await page.getByTestId('run-phase').textContent();
    const state = await page.getByTestId('run-status').getAttribute('data-state');
    throw new Error(`The run did not reach ${states.join(' or ')}: status "${state}", "${phase}". ${(error as Error).message}`);
  }
}

/** Fills the form, presses Run and waits until the run's status says done. */
async function run(page: Page, inputs: RunInputs): Promise<void> {
  const previous = await page.getByTestId('run-status').getAttribute('data-run-id');
  await fill(page, inputs);
  await page.getByTestId('run-button').click();
  await waitForRunState(page, previous, ['done']);
}

async function liveBars(page: Page): Promise<Bar[]> {
  return page
    .locator('[data-testid="live-chart"] [data-testid="timeline-bar"]')
    .evaluateAll((nodes: { getAttribute(name: string): string | null }[]) =>
      nodes.map((n) => ({
        index: Number(n.getAttribute('data-index')),
        start: Number(n.getAttribute('data-start')),
        end: Number(n.getAttribute('data-end')),
      })),
    );
}

/** The most bars that are in flight at the same instant. */
function maxOverlap(bars: Bar[]): number {
  return Math.max(...bars.map((b) => bars.filter((o) => o.start <= b.start && b.start < o.end).length));
}

async function liveSpeedup(page: Page): Promise<number> {
  return Number(await page.locator('#live-summary [data-testid="run-summary"]').getAttribute('data-speedup'));
}

/** axe-core's serious and critical violations on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** `waitless compare` for worker-threaded at 20 × 100 ms: the gather run's wall time and the speedup the CLI reports. */
async function cliCompare(): Promise<{ wallMs: number; speedup: number }> {
  const args = [CLI_BIN, 'compare', '--count', '20', '--latency', '100', '--strategies', 'worker-threaded', '--json'];
  // Exit code 1 (a request failed) still prints the JSON; the failure then shows in the row's counts.
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: WORKSPACE_ROOT }).then(
    (done) => done.stdout,
    (error: { stdout?: string; stderr?: string; message: string }) => {
      if (error.stdout?.startsWith('{')) return error.stdout;
      throw new Error(`waitless compare failed: ${error.stderr || error.message}`);
    },
  );
  const { results } = JSON.parse(stdout) as { results: { strategy: string; mode: string; wallMs: number; speedup: number }[] };
  const row = results.find((r) => r.strategy === 'worker-threaded' && r.mode === 'gather');
  if (!row) throw new Error(`waitless compare printed no worker-threaded row: ${stdout}`);
  return row;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function readDownload(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await download.path(), 'utf8');
}

describe('web app in a real browser (Chromium)', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Builds the page itself, so `nx test web` works from a fresh clone.
    const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [APP_ROOT] })), 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--outDir', STATIC_DIR], { cwd: APP_ROOT, stdio: 'pipe' });
    mkdirSync(OUTPUT, { recursive: true });
    server = await startWebServer({ port: 0, staticDir: STATIC_DIR, waitless: { cwd: APP_ROOT } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the registry in the strategy picker and enables Run', async () => {
    const options = await page
      .getByTestId('strategy-select')
      .locator('option')
      .evaluateAll((nodes: { getAttribute(name: string): string | null }[]) => nodes.map((n) => n.getAttribute('value')));
    expect(options).toEqual(expect.arrayContaining(KNOWN_STRATEGIES));
    expect(await page.getByTestId('run-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('run-disabled-reason').isHidden()).toBe(true);
  });

  it('reaches every control by keyboard, with a visible focus ring (the mode toggle too)', async () => {
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } })
          .document.activeElement;
        return active?.getAttribute('data-testid') ?? '';
      });
      if (id) reached.add(id);
    }
    for (const id of [
      'strategy-select',
      'target-select',
      'mode-gather',
      'count-input',
      'run-button',
      'compare-all-button',
      'copy-link-button',
    ]) {
      expect(reached).toContain(id);
    }
    await page.getByTestId('count-input').focus();
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { nextElementSibling: object | null } | null } }).document;
      const span = doc.activeElement?.nextElementSibling;
      const style = (
        globalThis as unknown as { getComputedStyle(e: object): { outlineStyle: string; outlineWidth: string } }
      ).getComputedStyle(span as object);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe('solid 3px');
  });

  it('shows form errors at the field, in words, and starts nothing', async () => {
    const before = await page.getByTestId('run-status').getAttribute('data-state');
    await page.getByTestId('count-input').fill('0');
    await page.getByTestId('error-rate-input').fill('150');
    await page.getByTestId('run-button').click();

    const count = page.getByTestId('count-input');
    expect(await count.getAttribute('aria-invalid')).toBe('true');
    expect(await count.getAttribute('aria-describedby')).toContain('count-error');
    expect(await page.getByTestId('count-error').textContent()).toBe('Enter a whole number of requests from 1 to 500.');
    expect(await page.getByTestId('error-rate-error').textContent()).toContain('0 to 100 %');
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id),
    ).toBe('count');
    expect(await page.getByTestId('run-status').getAttribute('data-state')).toBe(before);

    await count.fill('20');
    expect(await count.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('count-error').isHidden()).toBe(true);
    await page.getByTestId('error-rate-input').fill('0');
  });

  it('worker-threaded 20 × 100 ms: phases explained, warm-up untimed, 100 % at the end, speedup = ideal ÷ timed wall', async () => {
    // Record every state the status passes through, as it changes.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        seen: string[];
        phases: string[];
        document: { querySelector(s: string): { dataset: Record<string, string>; textContent: string } };
        MutationObserver: new (cb: () => void) => { observe(node: object, options: object): void };
      };
      g.seen = [];
      g.phases = [];
      const status = g.document.querySelector('[data-testid="run-status"]');
      const phase = g.document.querySelector('[data-testid="run-phase"]');
      // Watches only the status and the phase line, so the watching costs the page next to nothing.
      const observer = new g.MutationObserver(() => {
        const state = status.dataset['state'];
        if (state !== 'idle' && g.seen[g.seen.length - 1] !== state) g.seen.push(state);
        if (g.phases[g.phases.length - 1] !== phase.textContent) g.phases.push(phase.textContent);
      });
      observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
      observer.observe(phase, { childList: true, characterData: true, subtree: true });
    });
    const inputs: RunInputs = { strategy: 'worker-threaded', count: 20, concurrency: 20, latencyMs: 100, errorPercent: 0, mode: 'gather' };
    const speedups: number[] = [];
    for (let i = 0; i < 4; i++) {
      await run(page, inputs);
      speedups.push(await liveSpeedup(page));
    }
    const seen = await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
    const phases = await page.evaluate(() => (globalThis as unknown as { phases: string[] }).phases);
    expect(seen.slice(0, 5)).toEqual(['creating', 'starting', 'warming-up', 'running', 'done']);
    expect(phases.some((p) => /Starting a worker thread for worker-threaded|Reusing the warm worker thread/.test(p))).toBe(true);
    expect(phases.some((p) => p.includes('Warming up, not timed'))).toBe(true);
    expect(phases.some((p) => p.startsWith('Reusing the warm worker thread'))).toBe(true);

    const progress = page.getByTestId('progress-track');
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('#live-summary').getByTestId('summary-ok').textContent()).toBe('20 / 0');
    expect(await page.getByTestId('run-phase').textContent()).toMatch(/Warm-up before it: .*not timed/);
    expect(await page.locator('#live-summary').textContent()).toContain('ideal sequential time 2.00 s (20 × 100 ms) ÷ wall time');
    expect(await page.locator('[data-testid="live-chart"] [data-testid="ideal-line"]').isVisible()).toBe(true);
    const bars = await liveBars(page);
    expect(bars).toHaveLength(20);
    // The speedup is the ideal 2 s over the timed wall, and that wall covers every request and nothing before
    // the first (the warm-up is not in it): the page's own numbers, so this holds however loaded the machine.
    const summary = page.locator('#live-summary [data-testid="run-summary"]');
    const wallMs = Number(await summary.getAttribute('data-wall-ms'));
    expect(Math.min(...bars.map((b) => b.start))).toBeGreaterThanOrEqual(0);
    expect(wallMs).toBeGreaterThanOrEqual(Math.max(...bars.map((b) => b.end)) - 0.1);
    expect((await liveSpeedup(page)) * wallMs).toBeCloseTo(20 * 100, 6);

    // The CLI's number, measured now on the same machine: both warm up first and time only the requests. Medians,
    // because a loaded machine makes single runs noisy. (Runs of the page spaced out by CLI runs were seen slower
    // in a headless browser under heavy load, so the page's runs go back to back.)
    const cliRuns = [await cliCompare(), await cliCompare(), await cliCompare()];
    // The CLI divides by a sequential run it measures, which a loaded machine stretches (2.4 s instead of 2.0 s seen);
    // the page divides by the ideal 20 × 100 ms. Against the same baseline the two speedups compare their wall times.
    const web = median(speedups);
    const cli = median(cliRuns.map((r) => (20 * 100) / r.wallMs));
    console.log(
      `worker-threaded 20 × 100 ms speedup vs 2.00 s: web ${speedups.map((x) => x.toFixed(2)).join(', ')} (median ${web.toFixed(2)}), ` +
        `CLI ${cliRuns.map((r) => ((20 * 100) / r.wallMs).toFixed(2)).join(', ')} (median ${cli.toFixed(2)}); ` +
        `the CLI's own speedups ${cliRuns.map((r) => r.speedup.toFixed(2)).join(', ')}`,
    );
    // Measured back to back, the two stay within ~35 % even with both cores busy; start-up counted in the timed
    // part (1–5 s against ~0.15 s) would put them an order of magnitude apart.
    expect(web / cli).toBeGreaterThan(1 / 3);
    expect(web / cli).toBeLessThan(3);
  }, 300_000);

  it('native-async: the bars overlap, the heartbeat keeps a steady beat, and there is a histogram and a request table', async () => {
    await run(page, { strategy: 'native-async', count: 20, concurrency: 20, latencyMs: 100, errorPercent: 0, mode: 'gather' });
    const bars = await liveBars(page);
    expect(bars).toHaveLength(20);
    expect(bars.every((b) => Number.isFinite(b.end) && b.end > b.start)).toBe(true);
    expect(maxOverlap(bars)).toBeGreaterThanOrEqual(10);
    // Fewer stalls than requests, where blocking-sync below shows one per request; stray stalls come from machine load
    // (11 seen with a dozen processes busy on two cores).
    expect(await page.locator('[data-testid="live-chart"] [data-testid="heartbeat-gap"]').count()).toBeLessThan(20);
    expect(await page.locator('#live-summary').getByTestId('summary-latency').textContent()).toMatch(/^\d+ \/ \d+ \/ \d+ ms$/);
    expect(await page.locator('#live-summary').getByTestId('summary-rate').textContent()).toMatch(/req\/s$/);
    expect(await page.locator('#live-summary').getByTestId('summary-waiting').textContent()).toMatch(/% waiting$/);
    const binned = await page
      .getByTestId('histogram-bin')
      .evaluateAll((nodes: { getAttribute(n: string): string | null }[]) =>
        nodes.reduce((sum, n) => sum + Number(n.getAttribute('data-count')), 0),
      );
    expect(binned).toBe(20);
    await page.getByTestId('request-details').locator('summary').click();
    expect(await page.getByTestId('request-table').locator('tbody tr').count()).toBe(20);
  }, 60_000);

  it('native-async with errors: failed bars are coloured as failed and the error rate is a percentage', async () => {
    await run(page, { strategy: 'native-async', count: 40, concurrency: 8, latencyMs: 60, errorPercent: 25, mode: 'gather' });
    const failed = await page.locator('[data-testid="live-chart"] .bar.failed').count();
    const ok = await page.locator('[data-testid="live-chart"] .bar.ok').count();
    expect(failed + ok).toBe(40);
    expect(failed).toBeGreaterThan(0);
    expect(await page.locator('#live-summary').getByTestId('summary-ok').textContent()).toBe(`${ok} / ${failed}`);
    expect(await page.getByTestId('live-params').textContent()).toContain('25 % errors');
  }, 60_000);

  it('blocking-sync: the bars form a staircase and the heartbeat shows the stalls', async () => {
    await run(page, { strategy: 'blocking-sync', count: 20, concurrency: 20, latencyMs: 100, errorPercent: 0, mode: 'gather' });
    const bars = (await liveBars(page)).sort((a, b) => a.start - b.start);
    expect(bars).toHaveLength(20);
    for (let i = 1; i < bars.length; i++) expect(bars[i].start).toBeGreaterThanOrEqual(bars[i - 1].end - 5);
    expect(maxOverlap(bars)).toBe(1);
    expect(
      Number(await page.locator('[data-testid="live-chart"] [data-testid="heartbeat"]').getAttribute('data-max-gap-ms')),
    ).toBeGreaterThanOrEqual(80);
    expect(await page.locator('[data-testid="live-chart"] [data-testid="heartbeat-gap"]').count()).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('cancel keeps the requests that settled and summarises them', async () => {
    const previous = await page.getByTestId('run-status').getAttribute('data-run-id');
    await fill(page, { strategy: 'native-async', count: 200, concurrency: 5, latencyMs: 100, errorPercent: 0, mode: 'gather' });
    await page.getByTestId('run-button').click();
    await page.waitForFunction(
      () => (globalThis as unknown as Doc).document.querySelectorAll('[data-testid="live-chart"] [data-end]').length >= 5,
    );
    await page.getByTestId('cancel-button').click();
    await waitForRunState(page, previous, ['cancelled']);

    const [ok, failed] = (await page.locator('#live-summary').getByTestId('summary-ok').textContent())?.split(' / ').map(Number) ?? [];
    expect(ok + failed).toBeGreaterThanOrEqual(5);
    expect(ok + failed).toBeLessThan(200);
    expect(await page.locator('#live-summary').getByTestId('summary-wall').textContent()).not.toBe('–');
    expect(await page.locator('#live-summary').textContent()).toContain('settled before it stopped');
    expect(await page.getByTestId('run-phase').textContent()).toMatch(/^Cancelled\. \d+ of 200 requests settled/);
    expect(await page.getByTestId('run-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('history-card').first().getAttribute('data-strategy')).toBe('native-async');
  }, 60_000);

  it('exports the run as valid JSON and CSV', async () => {
    await run(page, { strategy: 'native-async', count: 12, concurrency: 4, latencyMs: 20, errorPercent: 0, mode: 'gather' });
    const json = JSON.parse(await readDownload(page, 'export-run-json')) as {
      kind: string;
      run: { params: { count: number }; bars: { end: number }[]; summary: { ok: number; baseline: string } };
    };
    expect(json.kind).toBe('waitless-run');
    expect(json.run.params.count).toBe(12);
    expect(json.run.bars).toHaveLength(12);
    expect(json.run.summary).toMatchObject({ ok: 12, baseline: 'ideal-sequential' });
    const csv = (await readDownload(page, 'export-run-csv')).trim().split('\n');
    expect(csv[0]).toBe('strategy,run_id,request,start_ms,end_ms,duration_ms,waiting_ms,wire_ms,ok,status,attempts,error');
    expect(csv).toHaveLength(13);
    expect(csv.slice(1).every((line) => line.startsWith('native-async,') && line.split(',').length === 12)).toBe(true);
  }, 60_000);

  it('compare all: every registered strategy on the same inputs, one time axis, the winner marked and the ideal line drawn', async () => {
    await fill(page, { strategy: 'native-async', count: 20, concurrency: 20, latencyMs: 100, errorPercent: 0, mode: 'gather' });
    await page.getByTestId('compare-all-button').click();
    await page.waitForFunction(
      () => (globalThis as unknown as Doc).document.querySelector('[data-testid="comparison"]')?.dataset['state'] === 'done',
      undefined,
      { timeout: 120_000 },
    );
    const registered = await page
      .getByTestId('strategy-select')
      .locator('option')
      .evaluateAll((nodes: { getAttribute(name: string): string | null }[]) => nodes.map((n) => n.getAttribute('value')));
    const rows = page.getByTestId('comparison-row');
    expect(
      await rows.evaluateAll((nodes: { getAttribute(n: string): string | null }[]) => nodes.map((n) => n.getAttribute('data-strategy'))),
    ).toEqual(registered);
    const lanes = page.getByTestId('comparison-lane');
    const laneStrategies = await lanes.evaluateAll((nodes: { getAttribute(n: string): string | null }[]) =>
      nodes.map((n) => n.getAttribute('data-strategy')),
    );
    expect(laneStrategies).toEqual(expect.arrayContaining(KNOWN_STRATEGIES));
    // One time axis: every lane's axis shows the same domain, and the ideal line sits at the same place in each.
    const domains = await lanes
      .locator('.axis')
      .evaluateAll((nodes: { getAttribute(n: string): string | null }[]) => nodes.map((n) => n.getAttribute('data-domain')));
    expect(new Set(domains).size).toBe(1);
    const ideals = page.locator('[data-testid="comparison-lane"] [data-testid="ideal-line"]');
    expect(await ideals.count()).toBe(laneStrategies.length);
    expect(await ideals.first().isVisible()).toBe(true);
    expect(
      new Set(await ideals.evaluateAll((nodes: { getAttribute(n: string): string | null }[]) => nodes.map((n) => n.getAttribute('style')))),
    ).toHaveProperty('size', 1);

    const winner = page.locator('[data-testid="comparison-row"][data-winner="true"]');
    expect(await winner.count()).toBe(1);
    expect(await winner.getByTestId('winner-badge').isVisible()).toBe(true);
    const walls = await rows.evaluateAll(
      (nodes: { getAttribute(n: string): string | null; querySelector(s: string): { textContent: string | null } | null }[]) =>
        nodes.map((n) => ({
          strategy: n.getAttribute('data-strategy'),
          wall: n.querySelector('[data-testid="comparison-wall"]')?.textContent ?? '',
        })),
    );
    const winnerStrategy = await winner.getAttribute('data-strategy');
    expect(winnerStrategy).not.toBe('blocking-sync');
    console.log(
      `compare all (20 × 100 ms, concurrency 20): ${walls.map((w) => `${w.strategy} ${w.wall}`).join(' · ')}; winner ${winnerStrategy}`,
    );

    const json = JSON.parse(await readDownload(page, 'export-comparison-json')) as { kind: string; winner: string; runs: unknown[] };
    expect(json).toMatchObject({ kind: 'waitless-comparison', winner: winnerStrategy });
    expect(json.runs).toHaveLength(registered.length);
    const csv = (await readDownload(page, 'export-comparison-csv')).trim().split('\n');
    expect(csv).toHaveLength(1 + 20 * registered.length);
  }, 180_000);

  it('keeps more than 4 runs across a reload, and the URL carries the inputs', async () => {
    const cards = await page.getByTestId('history-card').count();
    expect(cards).toBeGreaterThan(4);
    expect(new URL(page.url()).searchParams.get('count')).toBe('20');
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.getByTestId('history-card').count()).toBe(cards);
  });

  it('a shared URL restores the inputs', async () => {
    const shared = await context.newPage();
    await shared.goto(`${server.url}/?strategy=blocking-sync&mode=sequential&count=7&concurrency=3&latency=40&errors=10`);
    await shared.locator('body[data-ready="true"]').waitFor();
    expect(await shared.getByTestId('strategy-select').inputValue()).toBe('blocking-sync');
    expect(await shared.getByTestId('mode-sequential').isChecked()).toBe(true);
    expect(await shared.getByTestId('count-input').inputValue()).toBe('7');
    expect(await shared.getByTestId('concurrency-input').inputValue()).toBe('3');
    expect(await shared.getByTestId('latency-input').inputValue()).toBe('40');
    expect(await shared.getByTestId('error-rate-input').inputValue()).toBe('10');
    await shared.close();
  });

  it('axe finds no serious or critical violations in the light or the dark theme; screenshots at 1280×800', async () => {
    await page
      .getByTestId('history-card')
      .first()
      .getByRole('button', { name: /Show details/ })
      .click();
    await page.getByTestId('request-details').locator('summary').click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUTPUT, `web-desktop-${scheme}.png`) });
      await page.screenshot({ path: path.join(OUTPUT, `web-desktop-${scheme}-full.png`), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }, 60_000);

  it('phone 390×844: nothing overflows sideways, the results come into view after Run, axe is clean; screenshots', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(server.url);
    await p.locator('body[data-ready="true"]').waitFor();
    await run(p, { strategy: 'blocking-sync', count: 10, concurrency: 10, latencyMs: 50, errorPercent: 0, mode: 'gather' });
    const layout = await p.evaluate(() => {
      const g = globalThis as unknown as {
        innerHeight: number;
        document: {
          documentElement: { scrollWidth: number; clientWidth: number };
          querySelector(s: string): { getBoundingClientRect(): { top: number; bottom: number } };
          querySelectorAll(s: string): { scrollWidth: number; clientWidth: number }[];
        };
      };
      const chart = g.document.querySelector('[data-testid="live-chart"]').getBoundingClientRect();
      const cards = [...g.document.querySelectorAll('[data-testid="history-card"], [data-testid="history-card"] h3')];
      return {
        pageOverflow: g.document.documentElement.scrollWidth - g.document.documentElement.clientWidth,
        chartTop: chart.top,
        viewport: g.innerHeight,
        cardOverflow: Math.max(0, ...cards.map((c) => c.scrollWidth - c.clientWidth)),
      };
    });
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.cardOverflow).toBeLessThanOrEqual(0);
    expect(layout.chartTop).toBeGreaterThanOrEqual(0);
    expect(layout.chartTop).toBeLessThan(layout.viewport);
    for (const scheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(p)).toEqual([]);
      await p.screenshot({ path: path.join(OUTPUT, `web-phone-${scheme}.png`) });
    }
    await phone.close();
  }, 60_000);

  describe('when the strategy list cannot be loaded', () => {
    let staticOnly: Server;

    beforeAll(async () => {
      // A real server with the page and no API: /api/strategies answers 404.
      staticOnly = createServer((request, response) => {
        const file = request.url === '/' ? 'index.html' : (request.url ?? '').replace(/^\/+/, '').split('?')[0];
        try {
          const body = readFileSync(path.join(STATIC_DIR, path.normalize(file).replace(/^(\.\.[/\\])+/, '')));
          const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
          response.writeHead(200, { 'content-type': type }).end(body);
        } catch {
          response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        }
      });
      await new Promise<void>((resolve) => staticOnly.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => staticOnly.close(resolve)));

    it('Run and Compare all are disabled with the reason', async () => {
      const p = await context.newPage();
      await p.goto(`http://127.0.0.1:${(staticOnly.address() as AddressInfo).port}/`);
      await p.locator('body[data-ready="true"]').waitFor();
      expect(await p.getByTestId('run-button').isDisabled()).toBe(true);
      expect(await p.getByTestId('compare-all-button').isDisabled()).toBe(true);
      expect(await p.getByTestId('run-disabled-reason').textContent()).toMatch(
        /^Run is unavailable: the strategy list could not be loaded \(Not found\)/,
      );
      expect(await p.getByTestId('run-button').getAttribute('aria-describedby')).toContain('run-disabled-reason');
      await p.close();
    });
  });
});

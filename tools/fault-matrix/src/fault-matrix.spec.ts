import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { standardDecorators } from '@waitless/concurrency';
import { createWaitless, isHttpError, type FetchStrategy, type WaitlessRuntime } from '@waitless/core';
import { startFixtureServerThread, type FixtureServerThread } from '@waitless/fixture-server';
import { pokemonUrl, readPokemonResource } from '@waitless/pokeapi';
import { FAULTS, MAX_BODY_BYTES, REQUESTS_PER_CELL, RESILIENT_SETTINGS, type CellOutcome, type Fault } from './faults';
import { renderMatrix, withMatrix, type MatrixRow } from './render-matrix';

// Every fault × every strategy, with and without retry + timeout, and through the CLI. Each cell asserts that
// every request is accounted for (ok + failed = count), the error type, and that nothing hangs; the results
// are published as the table in docs/reliability.md. Strategies are loaded by package name, as a user's
// config does, so this tooling project imports no plugin.
const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const DOCS_PAGE = join(WORKSPACE_ROOT, 'docs', 'reliability.md');
const CLI_BIN = join(WORKSPACE_ROOT, 'apps', 'cli', 'bin', 'waitless.js');
const ASYNC_STRATEGIES = ['native-async', 'undici-pool', 'worker-threaded'] as const;
const STRATEGIES = [...ASYNC_STRATEGIES, 'blocking-sync'] as const;
type Strategy = (typeof STRATEGIES)[number];
const PLUGINS = STRATEGIES.map((name) => `@waitless/strategy-${name}`);
// A stuck call is a hang; this is far above any cell's worst case (requests one at a time × the 3 s total timeout).
const CELL_WATCHDOG_MS = 30_000;
// A call may outlive its total timeout by scheduling delays on a loaded machine, never by this much.
const DEADLINE_SLACK_MS = 5_000;

type Column = 'plain' | 'resilient';

function runtime(column: Column): WaitlessRuntime {
  const settings = column === 'resilient' ? RESILIENT_SETTINGS : {};
  const strategies = Object.fromEntries(STRATEGIES.map((name) => [name, { ...settings }]));
  strategies['worker-threaded'] = { ...settings, options: { poolSize: 2 } } as typeof settings;
  return createWaitless({
    inline: { plugins: PLUGINS, strategies, http: { maxBodyBytes: MAX_BODY_BYTES } },
    env: {},
    decorators: standardDecorators,
  });
}

function errorLabel(error: unknown): string {
  if (isHttpError(error)) return `${error.name} ${error.status}`;
  return error instanceof Error ? error.name : String(error);
}

/** Sends one cell's requests and tallies them; rejects if the cell outlives the watchdog. */
async function runCell(
  strategy: FetchStrategy,
  server: FixtureServerThread,
  fault: Fault,
  cellKey: string,
): Promise<CellOutcome & { maxCallMs: number }> {
  const controller = new AbortController();
  const durations: number[] = [];
  const call = async (index: number): Promise<void> => {
    const started = performance.now();
    try {
      const url = pokemonUrl(server.url, index + 1, fault.knobs(`${cellKey}-${index}`));
      readPokemonResource(await strategy.fetch({ url, signal: controller.signal }));
    } finally {
      durations.push(performance.now() - started);
    }
  };
  let watchdog: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => {
      controller.abort();
      reject(new Error(`${cellKey}: still running after ${CELL_WATCHDOG_MS} ms: a hang.`));
    }, CELL_WATCHDOG_MS);
  });
  try {
    const settled = await Promise.race([Promise.allSettled(Array.from({ length: REQUESTS_PER_CELL }, (_, i) => call(i))), hang]);
    const errors = [...new Set(settled.flatMap((s) => (s.status === 'rejected' ? [errorLabel(s.reason)] : [])))];
    const failed = settled.filter((s) => s.status === 'rejected').length;
    return {
      ok: settled.length - failed,
      failed,
      ...(failed > 0 ? { error: errors.join(' / ') } : {}),
      maxCallMs: Math.max(...durations),
    };
  } finally {
    clearTimeout(watchdog);
  }
}

interface CliOutcome {
  exit: number | null;
  ok: number;
  failed: number;
  output: string;
}

/** `waitless names` against a server that has the fault as its default, with the body limit in a config file. */
async function runCliCell(fault: Fault, config: string): Promise<CliOutcome> {
  const server = await startFixtureServerThread(fault.server);
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WAITLESS_')));
    const args = [CLI_BIN, '--config', config, '--base-url', server.url, 'names', '--count', String(REQUESTS_PER_CELL), '--mode', 'gather'];
    const child = spawn(process.execPath, args, { cwd: WORKSPACE_ROOT, env: { ...env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exit = await new Promise<number | null>((resolveExit, reject) => {
      child.once('error', reject);
      child.once('close', resolveExit);
    });
    const counts = /(\d+) ok, (\d+) failed/.exec(output);
    return { exit, ok: Number(counts?.[1] ?? NaN), failed: Number(counts?.[2] ?? NaN), output };
  } finally {
    await server.close();
  }
}

describe('fault matrix', () => {
  let server: FixtureServerThread;
  const runtimes: Partial<Record<Column, WaitlessRuntime>> = {};
  const results = new Map<string, CellOutcome>();
  const cliResults = new Map<string, CliOutcome>();
  const dir = mkdtempSync(join(tmpdir(), 'waitless-fault-matrix-'));
  // Keys of failTimes counters must differ between runs of the suite against the same server thread.
  const run = Date.now().toString(36);

  beforeAll(async () => {
    // On its own thread: blocking-sync blocks this one, and the server must still answer.
    server = await startFixtureServerThread();
    runtimes.plain = runtime('plain');
    runtimes.resilient = runtime('resilient');
  });

  afterAll(async () => {
    await Promise.all([runtimes.plain?.close(), runtimes.resilient?.close()]);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs every fault through one strategy and column, recording the outcomes for the table. */
  async function runColumn(
    name: Strategy,
    column: Column,
  ): Promise<{ actual: Record<string, CellOutcome>; slowest: Record<string, number> }> {
    const strategy = await (runtimes[column] as WaitlessRuntime).ready(name);
    const actual: Record<string, CellOutcome> = {};
    const slowest: Record<string, number> = {};
    for (const fault of FAULTS) {
      const { maxCallMs, ...outcome } = await runCell(strategy, server, fault, `${run}-${name}-${column}-${fault.label}`);
      results.set(`${name}/${column}/${fault.label}`, outcome);
      actual[fault.label] = outcome;
      slowest[fault.label] = maxCallMs;
    }
    return { actual, slowest };
  }

  function expectColumn(column: Column, { actual, slowest }: Awaited<ReturnType<typeof runColumn>>): void {
    // Compared as a whole, so one run shows every cell that differs.
    expect(actual).toEqual(Object.fromEntries(FAULTS.map((fault) => [fault.label, fault[column]])));
    for (const outcome of Object.values(actual)) expect(outcome.ok + outcome.failed).toBe(REQUESTS_PER_CELL);
    if (column === 'resilient') {
      const deadline = RESILIENT_SETTINGS.timeout.totalMs + DEADLINE_SLACK_MS;
      expect(Object.entries(slowest).filter(([, ms]) => ms >= deadline)).toEqual([]);
    }
  }

  describe.each(['plain', 'resilient'] as const)('%s', (column) => {
    it(
      `${ASYNC_STRATEGIES.join(', ')}: side by side, each fault accounted for, with the expected error and no hang`,
      async () => {
        // They only wait on the server, so running them together saves time without changing an outcome.
        const columns = await Promise.all(ASYNC_STRATEGIES.map((name) => runColumn(name, column)));
        columns.forEach((measured) => expectColumn(column, measured));
      },
      CELL_WATCHDOG_MS * FAULTS.length,
    );

    it(
      'blocking-sync: alone, since it blocks this thread; each fault accounted for, with the expected error and no hang',
      async () => expectColumn(column, await runColumn('blocking-sync', column)),
      CELL_WATCHDOG_MS * FAULTS.length,
    );
  });

  it('the CLI counts every request and exits 1 when any failed', async () => {
    const config = join(dir, 'waitless.config.json');
    writeFileSync(config, JSON.stringify({ plugins: ['@waitless/strategy-native-async'], http: { maxBodyBytes: MAX_BODY_BYTES } }));
    // Two CLI processes at a time: each is mostly waiting on its start-up and the server.
    const pending = [...FAULTS];
    const worker = async (): Promise<void> => {
      for (let fault = pending.shift(); fault; fault = pending.shift()) cliResults.set(fault.label, await runCliCell(fault, config));
    };
    await Promise.all([worker(), worker()]);
    const actual = FAULTS.map((fault) => {
      const { exit, ok, failed, output } = cliResults.get(fault.label) as CliOutcome;
      const stackTrace = /^\s+at /m.test(output);
      // The output joins the comparison only when something is off, so the diff shows what the CLI printed.
      return { fault: fault.label, exit, accounted: ok + failed, stackTrace, ...(stackTrace || !(ok + failed >= 0) ? { output } : {}) };
    });
    expect(actual).toEqual(
      FAULTS.map((fault) => ({ fault: fault.label, exit: fault.cliExit, accounted: REQUESTS_PER_CELL, stackTrace: false })),
    );
  }, 180_000);

  it('is the table docs/reliability.md shows', () => {
    const columns = STRATEGIES.flatMap((name) => [name, `${name} + retry/timeout`]);
    const rows: MatrixRow[] = FAULTS.map((fault) => ({
      label: fault.label,
      cells: STRATEGIES.flatMap((name) =>
        (['plain', 'resilient'] as const).map(
          (column) => results.get(`${name}/${column}/${fault.label}`) ?? { ok: 0, failed: 0, error: 'not run' },
        ),
      ),
      cliExit: cliResults.get(fault.label)?.exit ?? -1,
    }));
    // Run alone (jest -t), the cells above have not run: nothing to publish.
    expect(rows.filter((row) => row.cliExit === -1 || row.cells.some((cell) => cell.error === 'not run')).map((row) => row.label)).toEqual(
      [],
    );
    const page = readFileSync(DOCS_PAGE, 'utf8');
    const updated = withMatrix(page, renderMatrix(columns, rows));
    if (updated === page) return;
    // CI checks; a local run regenerates the table (the rows' outcomes are asserted above either way).
    if (process.env['CI']) {
      throw new Error(
        'docs/reliability.md does not show this fault matrix. Run `npx nx run fault-matrix:test` locally and commit the page.',
      );
    }
    writeFileSync(DOCS_PAGE, updated);
  });
});

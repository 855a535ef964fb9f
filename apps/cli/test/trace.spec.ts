import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, WORKSPACE_ROOT } from './run-cli';

interface Line {
  event: string;
  call: number;
  time: number;
  [field: string]: unknown;
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'waitless-trace-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every line of the trace file, each parsed as JSON (a line that is not JSON fails the test here). */
function readTrace(file: string): Line[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

/** The lines of each call, by call number, in file order. */
function byCall(lines: Line[]): Map<number, Line[]> {
  const calls = new Map<number, Line[]>();
  for (const line of lines) calls.set(line.call, [...(calls.get(line.call) ?? []), line]);
  return calls;
}

describe('--trace <file>', () => {
  it('writes a start and an end line for every call, on a blocking strategy too (the command docs/tracing.md shows)', async () => {
    const file = join(dir, 'calls.jsonl');
    const docsCommand = readFileSync(join(WORKSPACE_ROOT, 'docs', 'tracing.md'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('npm run waitless -- ') && line.includes('--trace'));
    expect(docsCommand).toBeDefined();
    const args = (docsCommand as string).replace('npm run waitless -- ', '').split(' ');
    const { code, stdout } = await runCli(args.map((arg) => (arg === 'calls.jsonl' ? file : arg)));
    expect(code).toBe(0);
    expect(stdout).toContain('3 ok');
    const calls = byCall(readTrace(file));
    expect(calls.size).toBe(3);
    for (const lines of calls.values()) {
      expect(lines.map((l) => l.event)).toEqual(['start', 'end']);
      const [start, end] = lines;
      expect(start).toMatchObject({ strategy: 'blocking-sync', method: 'GET' });
      expect(start.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(end).toMatchObject({ ok: true, status: 200, attempts: 1 });
      expect(end.time).toBeGreaterThanOrEqual(start.time);
    }
  });

  it('writes retries and the error of calls that fail, between their start and end', async () => {
    const config = join(dir, 'waitless.config.json');
    const strategies = { 'native-async': { retry: { attempts: 2, baseDelayMs: 1, jitter: false } } };
    writeFileSync(config, JSON.stringify({ plugins: ['@waitless/strategy-native-async'], strategies }));
    const file = join(dir, 'failing.jsonl');
    const args = [
      'names',
      '--count',
      '2',
      '--no-warm-up',
      '--mode',
      'gather',
      '--error-rate',
      '1',
      '--latency',
      '0',
      '--config',
      config,
      '--trace',
      file,
    ];
    const { code } = await runCli(args);
    expect(code).toBe(1);
    const calls = byCall(readTrace(file));
    expect(calls.size).toBe(2);
    for (const lines of calls.values()) {
      expect(lines.map((l) => l.event)).toEqual(['start', 'retry', 'error', 'end']);
      expect(lines[1]).toMatchObject({ attempt: 1, delayMs: 1, error: { name: 'HttpError' } });
      expect(lines[3]).toMatchObject({ ok: false, status: 503, attempts: 2 });
    }
  });

  it('is a usage error naming the file when it cannot be written', async () => {
    const file = join(dir, 'missing-folder', 'trace.jsonl');
    const { code, stderr } = await runCli(['names', '--count', '1', '--trace', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot write the trace file ${file}`);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../test/run-cli';

// Issue 13, defect 3 (and issue 11): with a per-attempt timeout, worker-threaded used to count thread start-up
// against the first calls' deadlines, and each timed-out call terminated its thread, so the next wave started
// cold again: 20/20 TimeoutError against a healthy 100 ms server.
describe('worker-threaded from a cold start under timeout.perAttemptMs', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'waitless-cold-timeout-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('succeeds 20 of 20 at concurrency 10 with perAttemptMs 2000', async () => {
    const config = path.join(folder, 'waitless.config.json');
    const settings = { options: { poolSize: 10 }, timeout: { perAttemptMs: 2000 } };
    writeFileSync(config, JSON.stringify({ strategy: 'worker-threaded', strategies: { 'worker-threaded': settings } }));

    const { code, stdout, stderr } = await runCli([
      '--config',
      config,
      'names',
      '--mode',
      'gather',
      '--count',
      '20',
      '--concurrency',
      '10',
      '--latency',
      '100',
      '--no-warm-up',
    ]);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/20 ok, 0 failed/);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, WORKSPACE_ROOT } from './run-cli';

const EXAMPLE = 'packages/concurrency/examples/pokemon-pipeline.json';

describe('waitless pipeline', () => {
  (existsSync(join(WORKSPACE_ROOT, EXAMPLE)) ? it : it.skip)('runs the example pipeline and prints the result tree as JSON', async () => {
    const { code, stdout } = await runCli(['pipeline', EXAMPLE, '--input', '0', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ file: EXAMPLE, strategy: 'native-async', status: 'ok' });
    expect(report.result.output).toEqual(['bulbasaur', 'ivysaur', 'venusaur']);
    expect(report.result.children.map((c: { label: string; status: string }) => [c.label, c.status])).toEqual([
      ['list', 'ok'],
      ['details', 'ok'],
      ['summary', 'ok'],
    ]);
    expect(report.result.children[1].durationMs).toEqual(expect.any(Number));
    // Warmed up for the widest fan-out (the three detail requests) before the timed run.
    expect(report.startUpMs).toEqual(expect.any(Number));
  });

  (existsSync(join(WORKSPACE_ROOT, EXAMPLE)) ? it : it.skip)('prints pool start-up apart from the tree', async () => {
    const { code, stdout } = await runCli(['--strategy', 'worker-threaded', 'pipeline', EXAMPLE, '--input', '0', '--latency', '0']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/start-up took \d+\.\d\d s \(not counted\): \d+ warm-up requests/);
  });

  it('exits 2 naming the file when it does not exist', async () => {
    const { code, stderr } = await runCli(['pipeline', 'no-such-pipeline.json']);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^waitless: no-such-pipeline\.json: \$: file not found/);
  });
});

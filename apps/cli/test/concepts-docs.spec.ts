import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { WORKSPACE_ROOT } from './run-cli';

// docs/concepts.md promises that every snippet runs: this runs each ```ts block as its own program under tsx,
// against a fixture server started the way the page says (latency 100 ms), one at a time because several
// snippets read the server's max-in-flight counter.
const page = readFileSync(join(WORKSPACE_ROOT, 'docs', 'concepts.md'), 'utf8');
const snippets = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const run = promisify(execFile);

describe('docs/concepts.md', () => {
  let server: FixtureServerProcess;
  // Inside the workspace so the snippets resolve @waitless/* like a user's file would.
  const dir = mkdtempSync(join(WORKSPACE_ROOT, '.docs-run-concepts-'));
  const outputs: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServerProcess({ latencyMs: 100 });
    for (const [i, code] of snippets.entries()) {
      const file = join(dir, `snippet-${i}.mts`);
      writeFileSync(file, code);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, FIXTURE_URL: server.url, FORCE_COLOR: '0', NO_COLOR: '1' },
        timeout: 60_000,
      });
      outputs.push(stdout);
    }
  }, 240_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  it('has the seven snippets', () => {
    expect(snippets).toHaveLength(7);
  });

  it('runs CPU work on worker threads with the same results', () => {
    expect(outputs[0]).toContain('same digests: true');
    expect(outputs[0]).toMatch(/4 hashes: \d+ ms on the main thread, \d+ ms on 2 worker threads/);
  });

  it('shows an un-awaited async function starting at once', () => {
    expect(outputs[1].trim().split('\n')).toEqual(['true', 'counted', 'counter started → task created → counter done']);
  });

  it('shows the async comprehension sequential and gather concurrent, bounded when asked', () => {
    expect(outputs[2].trim().split('\n')).toEqual(['comprehension 1', 'gather 5', 'gather, concurrency 2 2']);
  });

  it('yields asCompleted outcomes in completion order', () => {
    expect(outputs[3].trim().split('\n')).toEqual(['charmander', 'squirtle', 'bulbasaur']);
  });

  it('makes the unmodified blocking requestSync concurrent with toThread', () => {
    expect(outputs[4].trim().split('\n')).toEqual(['requestSync 1', 'toThread 4']);
  });

  it('overlaps requests on every strategy but blocking-sync', () => {
    expect(outputs[5].trim().split('\n')).toEqual(['blocking-sync 1', 'native-async 5', 'worker-threaded 5']);
  });

  it('closes the runtime at the end of an await using block', () => {
    expect(outputs[6].trim().split('\n')).toEqual(['pikachu', 'closed']);
  });
});

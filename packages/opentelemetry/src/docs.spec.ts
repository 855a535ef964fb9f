import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';

// docs/tracing.md promises that its snippets run: each ```ts block runs as its own program under tsx, against a
// fixture server, the way the page tells a user to.
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const page = readFileSync(join(WORKSPACE_ROOT, 'docs', 'tracing.md'), 'utf8');
const snippets = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const run = promisify(execFile);

describe('docs/tracing.md', () => {
  let server: FixtureServerProcess;
  // Inside the workspace so the snippets resolve @waitless/* and @opentelemetry/* like a user's file would.
  const dir = mkdtempSync(join(__dirname, '..', '.docs-run-'));

  beforeAll(async () => {
    server = await startFixtureServerProcess();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  const runSnippet = async (index: number): Promise<string> => {
    const file = join(dir, `snippet-${index}.mts`);
    writeFileSync(file, snippets[index]);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, FIXTURE_URL: server.url, FORCE_COLOR: '0', NO_COLOR: '1' },
      // A bound far above a healthy run (a few seconds), so busy cores only make it slower, not red.
      timeout: 180_000,
    });
    return stdout;
  };

  it('has the two snippets', () => {
    expect(snippets).toHaveLength(2);
  });

  it('prints the events of a plain call and of one retried once, on blocking-sync', async () => {
    expect((await runSnippet(0)).trim().split('\n')).toEqual([
      'start blocking-sync GET /api/v2/pokemon/25',
      'end 200 1',
      'start blocking-sync GET /api/v2/pokemon/25',
      'retry after attempt 1',
      'end 200 2',
    ]);
  }, 200_000);

  it('exports a GET span under the caller’s span, from worker-threaded', async () => {
    const stdout = await runSnippet(1);
    const parentId = /name: 'load pikachu',\s+id: '([0-9a-f]{16})'/.exec(stdout)?.[1];
    expect(parentId).toBeDefined();
    expect(stdout).toMatch(new RegExp(`spanId: '${parentId}'[\\s\\S]*?name: 'GET',\\s+id: '[0-9a-f]{16}',\\s+kind: 2`));
    expect(stdout).toContain("'http.response.status_code': 200");
  }, 200_000);
});

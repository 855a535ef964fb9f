import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFixtureServerProcess, type FixtureServerProcess } from '@waitless/fixture-server';
import { gather } from './combinators/gather';

// docs/concurrency.md promises that every snippet runs: this runs each ```ts block as its own program
// under tsx, against a fixture server, the way the page tells a user to.
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const page = readFileSync(join(WORKSPACE_ROOT, 'docs', 'concurrency.md'), 'utf8');
const snippets = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const run = promisify(execFile);

describe('docs/concurrency.md', () => {
  let server: FixtureServerProcess;
  // Inside the workspace so the snippets resolve @waitless/* like a user's file would.
  const dir = mkdtempSync(join(__dirname, '..', '.docs-run-'));

  // Jest needs some bound; these are far above what a healthy run takes (a few seconds per snippet), so a
  // machine whose cores are busy with other work only makes the test slower, not red.
  beforeAll(async () => {
    server = await startFixtureServerProcess();
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  it('has the six snippets', () => {
    expect(snippets).toHaveLength(6);
  });

  it('runs every snippet against the fixture server', async () => {
    const outputs = await gather(
      snippets.map((code, i) => async () => {
        const file = join(dir, `snippet-${i}.mts`);
        writeFileSync(file, code);
        const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
          cwd: WORKSPACE_ROOT,
          env: { ...process.env, FIXTURE_URL: server.url, FORCE_COLOR: '0', NO_COLOR: '1' },
          timeout: 180_000,
        });
        return stdout;
      }),
      { concurrency: 2 },
    );
    expect(outputs[0]).toContain("[ 'bulbasaur', 'charmander', 'squirtle' ]");
    expect(outputs[0]).toContain("[ 'fulfilled', 'rejected' ]");
    expect(outputs[1].trim().split('\n').sort()).toEqual(['0 bulbasaur', '1 ivysaur', '2 venusaur', '3 charmander']);
    expect(outputs[2].trim().split('\n')).toEqual(['bulbasaur', 'ivysaur', 'venusaur', 'charmander', 'charmeleon']);
    expect(outputs[3]).toMatch(/^pikachu 1 \d+\.\d ms waited/);
    expect(outputs[4].trim()).toBe('bulbasaur');
    expect(outputs[5]).toContain("ok [ 'bulbasaur', 'ivysaur', 'venusaur' ]");
    // Six node processes, two at a time.
  }, 300_000);
});

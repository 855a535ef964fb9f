import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { spawnCli, type CliProcess } from '../test/run-cli';

// Issue 13, defect 1: each blocking-sync call used to settle before it returned, so a sequential loop never
// yielded and the SIGINT handler never ran. The call in flight cannot be interrupted; the next must not start.
describe('Ctrl-C on blocking-sync', () => {
  let server: FixtureServer;
  let cli: CliProcess | undefined;

  beforeAll(async () => {
    // The server runs here, not in the CLI, so the test can count what the CLI sent after Ctrl-C.
    server = await startFixtureServer({ latencyMs: 300 });
  });
  afterEach(() => cli?.child.kill('SIGKILL'));
  afterAll(() => server.close());

  it.each(['sequential', 'generator'])('stops before the next request in %s mode and exits 130 with the partial summary', async (mode) => {
    server.resetStats();
    cli = spawnCli(['names', '--strategy', 'blocking-sync', '--count', '200', '--mode', mode, '--base-url', server.url]);
    // The first name line: one request has settled.
    await cli.waitForStdout(/^\s*1 {2}\S+/m);
    cli.child.kill('SIGINT');
    const { code, stdout } = await cli.exited;

    expect(code).toBe(130);
    expect(stdout).toMatch(/interrupted: \d+ of 200 names/);
    const settled = stdout.match(/^\s*\d+ {2}\S+/gm)?.length ?? 0;
    // Every request the server saw was printed, except at most the one in flight when Ctrl-C came.
    expect(server.stats().total).toBeLessThanOrEqual(settled + 1);
  });
});

import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { MAX_COUNT } from '../src/option-parsers';
import { spawnCli, type CliProcess } from './run-cli';

// Issue 13, defect 5: `names --count 1000000` streams. The CLI is stopped with Ctrl-C a few names in; had it
// built the workload, or sent requests, ahead of the ones it is waiting for, the server would have seen more
// than the names that settled plus one set in flight. Warm-up is off so every request the server sees is
// one the summary counts.
const CONCURRENCY = 4;
// The CLI starts request 3 × CONCURRENCY only after at least 2 × CONCURRENCY have settled.
const SEEN_BEFORE_CTRL_C = 3 * CONCURRENCY;

/** A name line: the padded 1-based position, two spaces, the name. */
const NAME_LINE = /^\s*\d+ {2}\S+/gm;
const SUMMARY = /interrupted: (\d+) of (\d+) names in .*; (\d+) ok, (\d+) failed(?:, (\d+) aborted)?\n/;

describe(`names --count ${MAX_COUNT} (the most the CLI accepts)`, () => {
  let server: FixtureServer;
  let cli: CliProcess | undefined;

  beforeEach(async () => {
    // Here, not embedded in the CLI, so the test counts what the CLI sent; one per case, so no request from
    // an earlier case can arrive late and be counted.
    server = await startFixtureServer({ latencyMs: 50 });
  });
  afterEach(async () => {
    cli?.child.kill('SIGKILL');
    await server.close();
  });

  it.each(['stream', 'gather', 'sequential', 'generator'])(
    '%s: Ctrl-C a few names in exits 130 with a summary of every request sent, and none sent ahead',
    async (mode) => {
      const inFlight = mode === 'stream' || mode === 'gather' ? CONCURRENCY : 1;
      const args = ['names', '--count', String(MAX_COUNT), '--mode', mode, '--concurrency', String(CONCURRENCY)];
      cli = spawnCli([...args, '--base-url', server.url, '--no-warm-up']);
      // gather prints its names only at the end, so every mode synchronises on the server instead.
      await server.waitForRequests(SEEN_BEFORE_CTRL_C);
      cli.child.kill('SIGINT');
      const { code, stdout, stderr } = await cli.exited;
      const sent = server.stats().total;

      expect({ code, stderr }).toEqual({ code: 130, stderr: '' });
      expect(stdout).toMatch(SUMMARY);
      const [okInHeadline, count, ok, failed, aborted = 0] = (SUMMARY.exec(stdout) ?? []).slice(1).map(Number);
      expect(count).toBe(MAX_COUNT);
      expect(okInHeadline).toBe(ok);
      expect(failed).toBe(0);
      // Each name that settled is printed (gather prints the ones that arrived before Ctrl-C).
      expect(stdout.match(NAME_LINE) ?? []).toHaveLength(ok);
      expect(ok).toBeGreaterThanOrEqual(SEEN_BEFORE_CTRL_C - inFlight);
      expect(aborted).toBeLessThanOrEqual(inFlight);
      // Every request the server saw is in the summary, and none went out ahead of the ones in flight.
      expect(sent).toBeLessThanOrEqual(ok + failed + aborted);
      expect(sent).toBeLessThanOrEqual(ok + inFlight);
    },
  );
});

// Runs the fixture server in its own process (started by fixture-process.ts), so that its work neither
// competes with the client's event loop nor counts in the client's memory. Prints one JSON line: { url }.
import { startFixtureServer } from '@waitless/fixture-server';

async function main(): Promise<void> {
  const server = await startFixtureServer({ port: 0, latencyMs: Number(process.env['FIXTURE_LATENCY_MS'] ?? 0) });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = (): void => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The parent's stdin closes when it exits, even if it crashed: never outlive it.
  process.stdin.resume();
  process.stdin.once('end', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`fixture child: ${error.message}\n`);
  process.exit(1);
});

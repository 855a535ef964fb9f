// Child entry of `startFixtureProcess`: serves the fixture until stdin closes, printing {"url"} once.
import { startFixtureServer } from '@waitless/fixture-server';

async function main(): Promise<void> {
  const server = await startFixtureServer({ latencyMs: 0 });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = (): void => void server.close();
  process.stdin.once('end', stop).resume();
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`bench fixture server: ${error.message}`);
  process.exitCode = 1;
});

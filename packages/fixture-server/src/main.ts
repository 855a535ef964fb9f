// CLI: `npx nx run fixture-server:start -- --port 8080 --latency 100` (or `npx tsx src/main.ts …`).
import { startFixtureServer } from './index';
import { CLI_USAGE, parseCliArgs, type CliArgs } from './parse-cli-args';

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`fixture-server: ${(error as Error).message}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(CLI_USAGE);
    return;
  }
  const { options } = args;
  const server = await startFixtureServer(options);
  const jitter = options.jitterMs ? ` ±${options.jitterMs}ms` : '';
  console.log(`Fixture PokeAPI listening on ${server.url} (latency ${options.latencyMs ?? 0}ms${jitter})`);

  const shutdown = (signal: NodeJS.Signals): void => {
    console.log(`Received ${signal}, closing the fixture server.`);
    server.close().catch((error: Error) => {
      console.error(`fixture-server: close failed: ${error.message}`);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(`fixture-server: ${error.message}`);
  process.exitCode = 1;
});

import { startWebServer } from './create-web-app';

const DEFAULT_PORT = 4300;

// `npx nx run web:serve`: serves the built page and the API on 127.0.0.1 unless HOST says otherwise.
async function main(): Promise<void> {
  const port = process.env['PORT'] ? Number(process.env['PORT']) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer between 0 and 65535 (got "${process.env['PORT']}").`);
  }
  const host = process.env['HOST'] || '127.0.0.1';
  const server = await startWebServer({ host, port });
  console.log(`Waitless web: ${server.url}  (fixture server ${server.fixture.url}; Ctrl-C to stop)`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`waitless web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

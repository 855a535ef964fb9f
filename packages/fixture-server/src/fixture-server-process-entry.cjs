// Child-process side of startFixtureServerProcess: serves the fixture with the options given as one
// JSON argument, prints {"url","port"} once it listens, and exits when its stdin ends (the parent
// closed it or died) or on SIGTERM / SIGINT.
'use strict';
// By package name, which Node resolves through `exports` to the built JavaScript: from dist/ (where the build
// copies this file) and from src/ (where the spawning module lives when jest runs it) alike. A relative
// require would reach the TypeScript source from src/, which this process cannot load.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the package name is the point, see above
const { startFixtureServer } = require('@waitless/fixture-server');

startFixtureServer(JSON.parse(process.argv[2] ?? '{}')).then(
  (server) => {
    process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
    let closing;
    const stop = () => {
      closing ??= server.close().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`fixture server process: close failed: ${error.message}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    process.stdin.once('end', stop).resume();
  },
  (error) => {
    process.stderr.write(`fixture server process: ${error.message}\n`);
    process.exit(1);
  },
);

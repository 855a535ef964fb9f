// Worker-thread side of startFixtureServerThread: runs the fixture server here and relays its
// events and stats to the parent, so the parent thread may block while this one answers.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
// By package name, which Node resolves through `exports` to the built JavaScript: from dist/ (where the build
// copies this file) and from src/ (where the spawning module lives when jest runs it) alike. A relative
// require would reach the TypeScript source from src/, which this process cannot load.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the package name is the point, see above
const { startFixtureServer } = require('@waitless/fixture-server');

startFixtureServer(workerData).then((server) => {
  for (const name of ['request-start', 'request-end']) {
    server.events.on(name, (payload) => parentPort.postMessage({ type: 'event', name, payload }));
  }
  const commands = {
    stats: () => server.stats(),
    resetStats: () => server.resetStats(),
    setDefaults: (partial) => server.setDefaults(partial),
    close: () => server.close(),
  };
  parentPort.on('message', async ({ id, command, argument }) => {
    try {
      parentPort.postMessage({ type: 'reply', id, result: await commands[command](argument) });
    } catch (error) {
      parentPort.postMessage({ type: 'reply', id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort.postMessage({ type: 'ready', url: server.url, port: server.port });
});

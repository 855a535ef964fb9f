// A worker process for the tests, like `waitless worker` but with a small inner strategy on Node's fetch
// registered in code (a plugin's tests load no other plugin). Argument: one JSON object
// { config, concurrency? }. Prints one JSON line per worker event ({"type":"ready"} first) and exits
// when its stdin ends or on SIGTERM (finishing jobs in flight).
'use strict';
/* eslint-disable @nx/enforce-module-boundaries -- by package name, so Node loads the built JavaScript */
const { createWaitless } = require('@waitless/core');
const { defineStrategyPlugin, fetchNetworkError, now, performCall, readLimitedBody } = require('@waitless/core/plugin');
const { plugin, startDistributedWorker } = require('@waitless/strategy-distributed');
/* eslint-enable @nx/enforce-module-boundaries */

const testFetch = defineStrategyPlugin({
  name: 'test-fetch',
  description: "Node's fetch, as the worker's inner strategy in tests.",
  profile: 'concurrent',
  create: () => ({
    name: 'test-fetch',
    fetch: (request, options) =>
      performCall(
        request,
        options,
        async (prepared, signal) => {
          const { method, headers, body } = prepared;
          // Redirects are performCall's to follow.
          const response = await fetch(prepared.url, { method, headers, body, signal, redirect: 'manual' });
          const firstByteAt = now();
          const text = await readLimitedBody(response.body, prepared, response.headers.get('content-length'));
          return { status: response.status, headers: Object.fromEntries(response.headers), text, firstByteAt };
        },
        fetchNetworkError,
      ),
  }),
});

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const { config, concurrency } = JSON.parse(process.argv[2]);
const runtime = createWaitless({ inline: config, env: {}, strategyPlugins: [testFetch, plugin] });

startDistributedWorker(runtime, {
  concurrency,
  onEvent: (event) => print(event.type === 'error' ? { type: 'error', message: event.error.message } : event),
}).then(
  (worker) => {
    print({ type: 'ready', pid: process.pid });
    let closing;
    const stop = () => {
      closing ??= worker
        .close()
        .then(() => runtime.close())
        .then(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.stdin.once('end', stop).resume();
  },
  (error) => {
    process.stderr.write(`worker process: ${error.message}\n`);
    process.exit(1);
  },
);

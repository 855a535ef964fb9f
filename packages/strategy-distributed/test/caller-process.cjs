// A caller process for the tests: sends the given calls on `distributed` and never looks at the answers,
// so a test can kill it with SIGKILL while its jobs wait or run. Argument: one JSON object
// { config, calls: [{ url, timeoutMs }] }.
'use strict';
/* eslint-disable @nx/enforce-module-boundaries -- by package name, so Node loads the built JavaScript */
const { createWaitless } = require('@waitless/core');
const { plugin } = require('@waitless/strategy-distributed');
/* eslint-enable @nx/enforce-module-boundaries */

const { config, calls } = JSON.parse(process.argv[2]);
const runtime = createWaitless({ inline: config, env: {}, strategyPlugins: [plugin] });
runtime.ready().then(
  (strategy) => {
    for (const call of calls) strategy.fetch(call).catch(() => undefined);
  },
  (error) => {
    process.stderr.write(`caller process: ${error.message}\n`);
    process.exit(1);
  },
);

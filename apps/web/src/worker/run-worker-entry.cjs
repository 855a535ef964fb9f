// @ts-check
'use strict';

// Worker threads start from JavaScript; this entry teaches the thread TypeScript (tsx) and then
// loads the run worker. tsx reads the workspace's base tsconfig so decorators and paths apply to
// every package's sources, the same way the worker-threaded strategy's thread entry does it.
const fs = require('node:fs');
const path = require('node:path');

if (!process.env.TSX_TSCONFIG_PATH) {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.base.json');
    if (fs.existsSync(candidate)) {
      process.env.TSX_TSCONFIG_PATH = candidate;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
}
require('tsx/cjs/api').register();
require('./run-worker');

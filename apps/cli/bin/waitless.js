#!/usr/bin/env node
// The `waitless` command. It runs the TypeScript sources directly through tsx, so it works from the
// workspace with no build step.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// tsx picks up decorator settings (Inversify needs legacy decorators) from a tsconfig; from another
// working directory it would find none, so point it at the workspace's base config.
if (!process.env.TSX_TSCONFIG_PATH) {
  const baseConfig = findUp('tsconfig.base.json', __dirname);
  if (baseConfig) process.env.TSX_TSCONFIG_PATH = baseConfig;
}
require('tsx/cjs/api').register();
require('../src/main.ts');

function findUp(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

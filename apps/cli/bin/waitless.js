#!/usr/bin/env node
// The `waitless` command: runs the built CLI (dist/, compiled by `npx nx build cli`), so no TypeScript
// compiler starts with it. In a fresh clone nothing is built yet: say how to build instead of a stack trace.
'use strict';

const { existsSync } = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(
    `waitless: the CLI is not built (${main} is missing). Run \`npx nx build cli\`, or \`npm start\`, which builds first.\n`,
  );
  process.exit(2);
}
require(main);

#!/usr/bin/env node
// The `waitless` command. It runs the TypeScript sources directly through tsx, so it works from the
// workspace with no build step.
'use strict';

require('tsx/cjs/api').register();
require('../src/main.ts');

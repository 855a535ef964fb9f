// @ts-check
'use strict';

// Worker threads start from JavaScript; this entry teaches the thread TypeScript (tsx) and then
// loads the run worker.
require('tsx/cjs/api').register();
require('./run-worker');

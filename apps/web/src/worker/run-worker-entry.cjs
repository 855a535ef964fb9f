// @ts-check
'use strict';

// The run worker's thread entry. It loads the run worker by package name, which Node resolves through
// apps/web/package.json `exports` to the built JavaScript: from dist/ (where the build copies this file) and from
// src/ (where the server module lives when jest runs it) alike, so the thread never needs a TypeScript loader.
require('@waitless/web/run-worker');

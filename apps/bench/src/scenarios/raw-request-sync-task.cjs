// @ts-check
'use strict';

// The raw-piscina peer's task: piscina calls `requestSync` from @waitless/blocking-http directly —
// the same blocking function worker-threaded runs through toThread, minus the toThread layer. Both load
// the built package, so a thread starts without a TypeScript loader in either.
const { requestSync } = require('@waitless/blocking-http');

/** @param {{ url: string }} request */
module.exports = function rawRequestSync(request) {
  return requestSync(request);
};

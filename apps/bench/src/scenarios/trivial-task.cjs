// @ts-check
'use strict';

// Trivial work for the dispatch-overhead scenario. Raw piscina calls the module export itself;
// toThread calls the named export `identity`: the same function either way.

/** @param {unknown} value */
function identity(value) {
  return value;
}

module.exports = identity;
module.exports.identity = identity;

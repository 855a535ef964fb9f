// @ts-check
'use strict';

// The generic piscina worker behind `toThread`: it loads the target module (TypeScript or JavaScript)
// and calls one export with the task's arguments. Plain CommonJS so piscina can load it the same way
// under jest, tsx and plain node.

require('tsx/cjs/api').register();
// Loaded up front with the worker (it is TypeScript, so after tsx): a lazy require would make Nx treat
// core as a lazy-loaded library and forbid the static imports every other file makes.
const { transferError } = require('@waitless/core/plugin');
const { describeUncloneable } = require('./describe-uncloneable.cjs');

/** Loaded target modules of this worker, by absolute path: each is required once per worker. */
const modules = new Map();

/**
 * @param {{ modulePath: string, exportName: string, args: unknown[] }} task
 * @returns {Promise<{ ok: true, value: unknown } | { ok: false, error: unknown } | { ok: false, uncloneable: { outcome: 'returned' | 'threw', valueKind: string } }>}
 */
module.exports = async function runExport({ modulePath, exportName, args }) {
  try {
    let target = modules.get(modulePath);
    if (!target) {
      target = require(modulePath);
      modules.set(modulePath, target);
    }
    const fn = target[exportName];
    if (typeof fn !== 'function') {
      const available = Object.keys(target).filter((key) => typeof target[key] === 'function');
      throw new TypeError(
        `"${exportName}" is not a function exported by ${modulePath}. Exported functions: ${available.join(', ') || '(none)'}.`,
      );
    }
    const value = await fn(...args);
    // Checked here because a value piscina cannot post back kills this worker with an uncaught
    // DataCloneError and the caller gets an empty object: here we can still say what the value was.
    const valueKind = describeUncloneable(value);
    return valueKind === undefined ? { ok: true, value } : { ok: false, uncloneable: { outcome: 'returned', valueKind } };
  } catch (error) {
    // An Error is flattened by core (its uncloneable fields dropped); any other thrown value must clone as it is.
    const valueKind = error instanceof Error ? undefined : describeUncloneable(error);
    if (valueKind !== undefined) return { ok: false, uncloneable: { outcome: 'threw', valueKind } };
    // Structured clone would drop the error's class and fields; core flattens them so the caller can
    // rebuild the same typed error.
    return { ok: false, error: transferError(error) };
  }
};

// @ts-check
'use strict';

// The generic piscina worker behind `toThread`: it loads the target module and calls one export with the
// task's arguments. Plain CommonJS that loads only built JavaScript (core by its package name), so no
// TypeScript compiler runs when a worker starts.

// Loaded up front with the worker: a lazy require would make Nx treat core as a lazy-loaded library and
// forbid the static imports every other file makes.
const { transferError } = require('@waitless/core/plugin');
const { describeUncloneable } = require('./describe-uncloneable.cjs');

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** Loaded target modules of this worker, by absolute path: each is required once per worker. */
const modules = new Map();

/** @typedef {{ outcome: 'returned' | 'threw', valueKind: string }} Uncloneable */

/**
 * A call, or a warm-up task: load `modulePath` (if any), then wait until every thread of the warm-up has
 * arrived, so that each task lands on its own thread and the pool ends up with `arrived.length` ready threads.
 * @typedef {{ modulePath: string, exportName: string, args: unknown[] }} Call
 * @typedef {{ warmUp: { modulePath?: string, arrived: Int32Array, threads: number, timeoutMs: number } }} WarmUp
 */

/**
 * @param {Call | WarmUp} task
 * @returns {Promise<{ ok: true, value: unknown } | { ok: false, error: unknown } | { ok: false, uncloneable: Uncloneable }>}
 */
module.exports = async function runExport(task) {
  if ('warmUp' in task) return warmUp(task.warmUp);
  const { modulePath, exportName, args } = task;
  try {
    const target = load(modulePath);
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

/** @param {string} modulePath */
function load(modulePath) {
  let target = modules.get(modulePath);
  if (!target) {
    if (TYPESCRIPT_FILE.test(modulePath) && !hasTypeScriptLoader()) throw typeScriptTargetError(modulePath);
    target = require(modulePath);
    modules.set(modulePath, target);
  }
  return target;
}

/**
 * @param {WarmUp['warmUp']} task
 * @returns {{ ok: true, value: undefined } | { ok: false, error: unknown }}
 */
function warmUp({ modulePath, arrived, threads, timeoutMs }) {
  try {
    if (modulePath !== undefined) load(modulePath);
  } catch (error) {
    return { ok: false, error: transferError(error) };
  } finally {
    // Counted even when the load failed, so the other threads never wait for this one in vain.
    Atomics.add(arrived, 0, 1);
    Atomics.notify(arrived, 0);
  }
  // Held until the last thread arrives (or the deadline passes): a finished task would free this thread
  // for another warm-up task, and the pool would not grow to `threads`.
  const deadline = Date.now() + timeoutMs;
  for (let seen = Atomics.load(arrived, 0); seen < threads && Date.now() < deadline; seen = Atomics.load(arrived, 0)) {
    Atomics.wait(arrived, 0, seen, deadline - Date.now());
  }
  return { ok: true, value: undefined };
}

// A TypeScript loader such as tsx registers `.ts` with require; worker threads inherit one given to the process
// with `node --import <loader>` (they start with its execArgv) or to the pool with `execArgv`.
function hasTypeScriptLoader() {
  return require.extensions['.ts'] !== undefined;
}

/** @param {string} modulePath */
function typeScriptTargetError(modulePath) {
  return new TypeError(
    `${modulePath} is TypeScript, and this worker thread has no TypeScript loader. ` +
      'Point toThread at built JavaScript, or run under a TypeScript loader that worker threads inherit, such as `node --import=tsx` ' +
      "(or give the pool one: new ThreadPool({ execArgv: ['--import', 'tsx'] })).",
  );
}

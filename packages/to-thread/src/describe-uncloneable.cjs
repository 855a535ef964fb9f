// @ts-check
'use strict';

// Runs in the worker (plain CommonJS, like thread-entry.cjs): tells whether a value can be sent back to
// the calling thread and, if not, names the part that cannot, so the error says more than "could not be cloned".

const { types } = require('node:util');
const { MessageChannel } = require('node:worker_threads');

/** How deep `describeUncloneable` looks for the culprit inside nested plain data. */
const MAX_DEPTH = 8;
/** Bounds of the walk `isPlainData` makes before it leaves the answer to `posts`. */
const PLAIN_DATA_MAX_DEPTH = 1000;
const PLAIN_DATA_MAX_VISITS = 1_000_000;
// Longer arrays are left to `posts`: proving they have no other properties takes `Object.keys`, which costs
// more than serialising them.
const PLAIN_ARRAY_MAX_LENGTH = 4096;

/**
 * `undefined` if `value` survives structured clone (what `postMessage` does to a result); otherwise
 * what kind of value it is, e.g. `an object whose "format" is a function named "format"`.
 * Primitives other than symbols always clone, so they skip the check; plain data (parsed JSON, the usual
 * result) is proved cloneable by a walk that copies nothing; anything else is serialised once, not cloned.
 *
 * @param {unknown} value
 * @returns {string | undefined}
 */
function describeUncloneable(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')) return undefined;
  if (isPlainData(value) || posts(value)) return undefined;
  const culprit = findCulprit(value, '', new Set(), 0);
  if (!culprit || culprit.path === '') return culprit ? culprit.kind : kindOf(value);
  return `${kindOf(value)} whose ${culprit.path} is ${culprit.kind}`;
}

/**
 * `true` if `value` is made only of primitives other than symbols, plain objects and arrays without other
 * properties, so it certainly clones; `false` also when it is too deep, too big, or a getter throws.
 *
 * @param {unknown} value
 * @returns {boolean}
 */
function isPlainData(value) {
  let visits = 0;
  /** @type {(item: unknown, depth: number) => boolean} */
  const walk = (item, depth) => {
    if (typeof item !== 'object') return typeof item !== 'function' && typeof item !== 'symbol';
    if (item === null) return true;
    if (depth > PLAIN_DATA_MAX_DEPTH || types.isProxy(item) || ++visits > PLAIN_DATA_MAX_VISITS) return false;
    if (Array.isArray(item)) {
      if (item.length > PLAIN_ARRAY_MAX_LENGTH || Object.keys(item).length !== item.length) return false;
      for (let index = 0; index < item.length; index++) if (!walk(item[index], depth + 1)) return false;
      return true;
    }
    if (!isPlainObject(item)) return false;
    for (const key in item) if (!walk(/** @type {Record<string, unknown>} */ (item)[key], depth + 1)) return false;
    return true;
  };
  try {
    return walk(value, 0);
  } catch {
    return false;
  }
}

/**
 * Whether `postMessage` accepts `value`: the very serialisation piscina makes to send it back, without the
 * deserialisation a `structuredClone` adds (the message is dropped unread).
 *
 * @param {unknown} value
 * @returns {boolean}
 */
function posts(value) {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value);
    return true;
  } catch {
    // Not only DataCloneError: a getter that throws while being serialised fails the same way.
    return false;
  } finally {
    port1.close();
    port2.close();
  }
}

/**
 * The first part of `value` that cannot be cloned, looking inside plain objects, arrays, Maps and Sets
 * (class instances are reported whole: their insides are the class's business, not the caller's).
 *
 * @param {unknown} value
 * @param {string} path
 * @param {Set<object>} seen
 * @param {number} depth
 * @returns {{ path: string, kind: string } | undefined}
 */
function findCulprit(value, path, seen, depth) {
  if (typeof value === 'function' || typeof value === 'symbol') return { path, kind: kindOf(value) };
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (depth < MAX_DEPTH) {
    for (const [label, child] of children(value)) {
      const found = findCulprit(child, path + label, seen, depth + 1);
      if (found) return found;
    }
  }
  // Every child clones (or we stopped looking): the object itself is what cannot, e.g. a Promise or a socket.
  return posts(value) ? undefined : { path, kind: kindOf(value) };
}

/**
 * @param {object} value
 * @returns {Iterable<[string, unknown]>}
 */
function children(value) {
  if (Array.isArray(value)) return value.map((item, index) => /** @type {[string, unknown]} */ ([`[${index}]`, item]));
  if (value instanceof Map)
    return [...value].map(([key, item]) => /** @type {[string, unknown]} */ ([`.get(${JSON.stringify(key) ?? String(key)})`, item]));
  if (value instanceof Set) return [...value].map((item, index) => /** @type {[string, unknown]} */ ([`[set item ${index}]`, item]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).map(
    ([key, item]) => /** @type {[string, unknown]} */ ([/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`, item]),
  );
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function kindOf(value) {
  if (typeof value === 'function') return value.name ? `a function named "${value.name}"` : 'a function';
  if (typeof value === 'symbol') return `a symbol (${String(value)})`;
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (value !== null && typeof value === 'object' && !isPlainObject(value)) {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return name ? `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}` : 'an object';
  }
  return 'an object';
}

/**
 * @param {object} value
 * @returns {boolean}
 */
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

module.exports = { describeUncloneable };

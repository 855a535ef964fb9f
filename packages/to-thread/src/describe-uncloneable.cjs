// @ts-check
'use strict';

// Runs in the worker (plain CommonJS, like thread-entry.cjs): tells whether a value can be sent back to
// the calling thread and, if not, names the part that cannot, so the error says more than "could not be cloned".

/** How deep `describeUncloneable` looks for the culprit inside nested plain data. */
const MAX_DEPTH = 8;

/**
 * `undefined` if `value` survives structured clone (what `postMessage` does to a result); otherwise
 * what kind of value it is, e.g. `an object whose "format" is a function named "format"`.
 * Primitives other than symbols always clone, so they skip the (copying) check.
 *
 * @param {unknown} value
 * @returns {string | undefined}
 */
function describeUncloneable(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')) return undefined;
  if (clones(value)) return undefined;
  const culprit = findCulprit(value, '', new Set(), 0);
  if (!culprit || culprit.path === '') return culprit ? culprit.kind : kindOf(value);
  return `${kindOf(value)} whose ${culprit.path} is ${culprit.kind}`;
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
  return clones(value) ? undefined : { path, kind: kindOf(value) };
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

/**
 * @param {unknown} value
 * @returns {boolean}
 */
function clones(value) {
  try {
    structuredClone(value);
    return true;
  } catch {
    // Not only DataCloneError: a getter that throws while being cloned fails the same way.
    return false;
  }
}

module.exports = { describeUncloneable };

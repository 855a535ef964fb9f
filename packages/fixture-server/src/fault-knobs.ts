import type { IncomingHttpHeaders } from 'node:http';
import { checkKnobValue, EXPECT, type FaultOptions } from './fault-options';
import { InvalidFixtureKnobError } from './invalid-fixture-knob-error';

/** The faults that apply to one request: server defaults merged with its query/header knobs. */
export interface RequestFaults extends FaultOptions {
  /** The first `failTimes` requests with the same `key` get `errorStatus`; later ones succeed. */
  failTimes?: number;
  /** Groups requests for `failTimes`. */
  key?: string;
}

interface KnobSpec {
  readonly name: string;
  readonly field: keyof RequestFaults;
  readonly kind: keyof typeof EXPECT | 'key';
}

const KNOBS: readonly KnobSpec[] = [
  { name: 'latency', field: 'latencyMs', kind: 'ms' },
  { name: 'jitter', field: 'jitterMs', kind: 'ms' },
  { name: 'errorRate', field: 'errorRate', kind: 'rate' },
  { name: 'errorStatus', field: 'errorStatus', kind: 'status' },
  { name: 'resetRate', field: 'resetRate', kind: 'rate' },
  { name: 'slowBody', field: 'slowBodyMs', kind: 'ms' },
  { name: 'invalidJson', field: 'invalidJsonRate', kind: 'rate' },
  { name: 'retryAfter', field: 'retryAfterSeconds', kind: 'seconds' },
  { name: 'status', field: 'status', kind: 'status' },
  { name: 'resetMidBody', field: 'resetMidBodyRate', kind: 'rate' },
  { name: 'trickle', field: 'trickleMs', kind: 'ms' },
  { name: 'redirectLoop', field: 'redirectLoopRate', kind: 'rate' },
  { name: 'redirects', field: 'redirects', kind: 'count' },
  { name: 'bodyBytes', field: 'bodyBytes', kind: 'bytes' },
  { name: 'emptyBody', field: 'emptyBodyRate', kind: 'rate' },
  { name: 'failTimes', field: 'failTimes', kind: 'count' },
  { name: 'key', field: 'key', kind: 'key' },
];

/** Every per-request knob name, as written in a query string (`?latency=100`). */
export const FAULT_KNOB_NAMES: readonly string[] = KNOBS.map((k) => k.name);

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// Query parameters accept `errorRate` and `error-rate`; headers accept `x-fixture-error-rate` and
// `x-fixture-errorrate` (Node lower-cases header names, so camelCase arrives flattened).
const BY_QUERY_NAME = new Map<string, KnobSpec>();
const BY_HEADER_NAME = new Map<string, KnobSpec>();
for (const knob of KNOBS) {
  BY_QUERY_NAME.set(knob.name, knob).set(kebab(knob.name), knob);
  BY_HEADER_NAME.set(`x-fixture-${knob.name.toLowerCase()}`, knob).set(`x-fixture-${kebab(knob.name)}`, knob);
}
const HEADER_PREFIX = 'x-fixture-';
const MAX_KEY_LENGTH = 200;

function applyKnob(faults: RequestFaults, knob: KnobSpec, shownName: string, raw: string): void {
  if (knob.kind === 'key') {
    if (raw.length === 0 || raw.length > MAX_KEY_LENGTH) {
      throw new InvalidFixtureKnobError(shownName, raw, `a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
    }
    faults.key = raw;
    return;
  }
  const n = raw.trim() === '' ? NaN : Number(raw);
  (faults[knob.field] as number) = checkKnobValue(shownName, n, knob.kind, raw);
}

/**
 * Merges the knobs a request carries (query parameters first, then `x-fixture-*` headers) over the
 * server defaults. Returns `defaults` itself when the request carries no knob, so the common path
 * allocates nothing. Throws {@link InvalidFixtureKnobError} for a bad value or an unknown
 * `x-fixture-*` header.
 */
export function resolveRequestFaults(
  query: URLSearchParams | undefined,
  headers: IncomingHttpHeaders,
  defaults: FaultOptions,
): RequestFaults {
  let faults: RequestFaults | undefined;
  let seen: Set<KnobSpec> | undefined;
  if (query) {
    for (const [name, value] of query) {
      const knob = BY_QUERY_NAME.get(name);
      if (!knob || seen?.has(knob)) continue;
      (seen ??= new Set()).add(knob);
      faults ??= { ...defaults };
      applyKnob(faults, knob, name, value);
    }
  }
  for (const name in headers) {
    if (!name.startsWith(HEADER_PREFIX)) continue;
    const knob = BY_HEADER_NAME.get(name);
    const value = headers[name];
    if (!knob) {
      throw new InvalidFixtureKnobError(
        name,
        value,
        `a known knob header: ${FAULT_KNOB_NAMES.map((n) => `x-fixture-${kebab(n)}`).join(', ')}`,
      );
    }
    // A query parameter wins over a header for the same knob.
    if (seen?.has(knob)) continue;
    (seen ??= new Set()).add(knob);
    faults ??= { ...defaults };
    applyKnob(faults, knob, name, Array.isArray(value) ? value.join(', ') : (value ?? ''));
  }
  if (!faults) return defaults;
  if (faults.failTimes !== undefined && faults.key === undefined) {
    throw new InvalidFixtureKnobError(
      'failTimes',
      faults.failTimes,
      'a key knob as well (e.g. key=my-test), so attempts carrying the same key can be counted',
    );
  }
  return faults;
}

import { InvalidFixtureKnobError } from './invalid-fixture-knob-error';

/**
 * The fault-injection settings of a fixture server. Each can be set per server
 * (`startFixtureServer` options or `setDefaults`) and overridden per request by a query
 * parameter or an `x-fixture-<name>` header (see README for the knob table).
 */
export interface FaultOptions {
  /** Delay before answering, in milliseconds. Default 0 (answer without a timer). */
  latencyMs: number;
  /** Uniform random spread (±) added to `latencyMs`, in milliseconds. Default 0. */
  jitterMs: number;
  /** Probability 0..1 of answering `errorStatus` instead of the real response. Default 0. */
  errorRate: number;
  /** Status used by `errorRate` and `failTimes` faults (400..599). Default 503. */
  errorStatus: number;
  /** Probability 0..1 of destroying the socket before any response is written. Default 0. */
  resetRate: number;
  /** If > 0, send headers and the first half of the body, wait this many ms, then the rest. */
  slowBodyMs: number;
  /** Probability 0..1 of truncating a JSON body (content type stays `application/json`). */
  invalidJsonRate: number;
  /** If set, a `Retry-After` header (seconds) is added to injected error responses. */
  retryAfterSeconds?: number;
  /** If set (400..599), every response is forced to this status with a JSON `{ error }` body. */
  status?: number;
  /** Probability 0..1 of sending headers and half the body, then destroying the socket. Default 0. */
  resetMidBodyRate: number;
  /** If > 0, send the body in 8 pieces, this many ms apart (a trickling body). Default 0. */
  trickleMs: number;
  /** Probability 0..1 of answering `301` with a `Location` back to the same URL: a redirect loop. Default 0. */
  redirectLoopRate: number;
  /** If > 0, answer `302` to the same URL with `redirects` one lower, so a client follows this many redirects. */
  redirects?: number;
  /** If set, pad a JSON object body with a `padding` field to at least this many bytes (≤ 64 MiB). */
  bodyBytes?: number;
  /** Probability 0..1 of answering a data route with `200` and an empty JSON body. Default 0. */
  emptyBodyRate: number;
}

/** The fault settings a server starts with: no latency, no faults, errors answer 503. */
export const DEFAULT_FAULT_OPTIONS: Readonly<FaultOptions> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatus: 503,
  resetRate: 0,
  slowBodyMs: 0,
  invalidJsonRate: 0,
  resetMidBodyRate: 0,
  trickleMs: 0,
  redirectLoopRate: 0,
  emptyBodyRate: 0,
});

/** Largest `bodyBytes`: big enough to trip any sane client limit, small enough not to hurt the test machine. */
export const MAX_FIXTURE_BODY_BYTES = 64 * 1024 * 1024;

/** Longest delay a Node timer can express; longer values would fire immediately. */
export const MAX_DELAY_MS = 2_147_483_647;

/** Expected-value descriptions shared by option and knob validation. */
export const EXPECT = {
  ms: 'a number of milliseconds ≥ 0',
  rate: 'a probability between 0 and 1',
  status: 'an integer HTTP status between 400 and 599',
  seconds: 'an integer number of seconds ≥ 0',
  count: 'an integer ≥ 0',
  bytes: `an integer number of bytes between 0 and ${MAX_FIXTURE_BODY_BYTES}`,
} as const;

/**
 * Checks `value` against one kind of knob; returns it or throws {@link InvalidFixtureKnobError}.
 * `shown` is the value as the caller wrote it (e.g. the raw query string) for the message.
 */
export function checkKnobValue(knob: string, value: unknown, kind: keyof typeof EXPECT, shown: unknown = value): number {
  const n = typeof value === 'number' ? value : NaN;
  let ok = Number.isFinite(n) && n >= 0;
  if (ok) {
    switch (kind) {
      case 'ms':
        ok = n <= MAX_DELAY_MS;
        break;
      case 'rate':
        ok = n <= 1;
        break;
      case 'status':
        ok = Number.isInteger(n) && n >= 400 && n <= 599;
        break;
      case 'seconds':
      case 'count':
        ok = Number.isInteger(n);
        break;
      case 'bytes':
        ok = Number.isInteger(n) && n <= MAX_FIXTURE_BODY_BYTES;
        break;
    }
  }
  if (!ok) throw new InvalidFixtureKnobError(knob, shown, EXPECT[kind]);
  return n;
}

const OPTION_KINDS: Record<keyof FaultOptions, keyof typeof EXPECT> = {
  latencyMs: 'ms',
  jitterMs: 'ms',
  errorRate: 'rate',
  errorStatus: 'status',
  resetRate: 'rate',
  slowBodyMs: 'ms',
  invalidJsonRate: 'rate',
  retryAfterSeconds: 'seconds',
  status: 'status',
  resetMidBodyRate: 'rate',
  trickleMs: 'ms',
  redirectLoopRate: 'rate',
  redirects: 'count',
  bodyBytes: 'bytes',
  emptyBodyRate: 'rate',
};

/**
 * Validates a partial set of fault options (as given to `startFixtureServer` or `setDefaults`)
 * and returns a copy without `undefined` entries. Unknown keys are rejected so typos are loud.
 */
export function validateFaultOptions(partial: Partial<FaultOptions>): Partial<FaultOptions> {
  const out: Partial<FaultOptions> = {};
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    const kind = OPTION_KINDS[key as keyof FaultOptions];
    if (!kind) {
      throw new InvalidFixtureKnobError(key, value, `one of the fault options ${Object.keys(OPTION_KINDS).join(', ')}`);
    }
    out[key as keyof FaultOptions] = checkKnobValue(key, value, kind);
  }
  return out;
}

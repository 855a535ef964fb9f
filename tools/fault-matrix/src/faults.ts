import type { FixtureServerOptions } from '@waitless/fixture-server';

/** How many requests each cell sends: small, so the whole matrix stays well under a minute on a loaded 2-core machine. */
export const REQUESTS_PER_CELL = 2;

/** What a cell ended with: how many calls succeeded, and the one error type every failed call had. */
export interface CellOutcome {
  ok: number;
  failed: number;
  /** `name` of the failures' error class, with the status for `HttpError` (`HttpError 429`). */
  error?: string;
}

/** One misbehaviour of the server, and what every strategy must make of it. */
export interface Fault {
  /** The row label in docs/reliability.md. */
  label: string;
  /** Fixture knobs for request `index` of a cell; `key` keeps `failTimes` counts apart per request. */
  knobs: (key: string) => Record<string, string | number>;
  /** The same fault as server defaults, for the CLI, which cannot add knobs to its URLs. */
  server: FixtureServerOptions;
  /** Without decorators. */
  plain: CellOutcome;
  /** With `RESILIENT_SETTINGS`: retries, a per-attempt and a total timeout. */
  resilient: CellOutcome;
  /** `waitless names` exit code: 0 every name arrived, 1 some failed. */
  cliExit: 0 | 1;
}

/** The decorators of the "with retry + timeout" columns, as under `strategies.<name>` in waitless.config.json. */
export const RESILIENT_SETTINGS = {
  retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 },
  // 700 ms per attempt is ample for a healthy answer on a loaded machine and half the slow faults below.
  timeout: { perAttemptMs: 700, totalMs: 3_000 },
} as const;

/** A body limit far below the large-body fault, set in config like a user would. */
export const MAX_BODY_BYTES = 1_000_000;

const N = REQUESTS_PER_CELL;
const allOk: CellOutcome = { ok: N, failed: 0 };
const allFail = (error: string): CellOutcome => ({ ok: 0, failed: N, error });

/** Every fault of issue 13, in the order docs/reliability.md lists them. */
export const FAULTS: readonly Fault[] = [
  { label: 'healthy server', knobs: () => ({}), server: {}, plain: allOk, resilient: allOk, cliExit: 0 },
  {
    label: 'connection reset before the response',
    knobs: () => ({ resetRate: 1 }),
    server: { resetRate: 1 },
    plain: allFail('NetworkError'),
    resilient: allFail('NetworkError'),
    cliExit: 1,
  },
  {
    label: 'connection reset mid-body',
    knobs: () => ({ resetMidBody: 1 }),
    server: { resetMidBodyRate: 1 },
    plain: allFail('NetworkError'),
    resilient: allFail('NetworkError'),
    cliExit: 1,
  },
  {
    label: 'slow headers (1.4 s)',
    knobs: () => ({ latency: 1_400 }),
    server: { latencyMs: 1_400 },
    plain: allOk,
    resilient: allFail('TimeoutError'),
    cliExit: 0,
  },
  {
    label: 'trickling body (8 pieces, 200 ms apart)',
    knobs: () => ({ trickle: 200 }),
    server: { trickleMs: 200 },
    plain: allOk,
    resilient: allFail('TimeoutError'),
    cliExit: 0,
  },
  {
    label: 'invalid JSON',
    knobs: () => ({ invalidJson: 1 }),
    server: { invalidJsonRate: 1 },
    plain: allFail('ResponseBodyError'),
    resilient: allFail('ResponseBodyError'),
    cliExit: 1,
  },
  {
    label: '429 + Retry-After: 1 (once per request)',
    knobs: (key) => ({ failTimes: 1, errorStatus: 429, retryAfter: 1, key }),
    server: { errorRate: 1, errorStatus: 429, retryAfterSeconds: 1 },
    plain: allFail('HttpError 429'),
    resilient: allOk,
    cliExit: 1,
  },
  {
    label: '5xx burst (two 503s per request)',
    knobs: (key) => ({ failTimes: 2, key }),
    server: { errorRate: 1 },
    plain: allFail('HttpError 503'),
    resilient: allOk,
    cliExit: 1,
  },
  {
    label: 'redirect chain (2 hops)',
    knobs: () => ({ redirects: 2 }),
    server: { redirects: 2 },
    plain: allOk,
    resilient: allOk,
    cliExit: 0,
  },
  {
    label: 'redirect loop',
    knobs: () => ({ redirectLoop: 1 }),
    server: { redirectLoopRate: 1 },
    plain: allFail('TooManyRedirectsError'),
    resilient: allFail('TooManyRedirectsError'),
    cliExit: 1,
  },
  {
    label: `5 MB body (maxBodyBytes ${MAX_BODY_BYTES})`,
    knobs: () => ({ bodyBytes: 5_000_000 }),
    server: { bodyBytes: 5_000_000 },
    plain: allFail('ResponseTooLargeError'),
    resilient: allFail('ResponseTooLargeError'),
    cliExit: 1,
  },
  {
    label: 'empty 200',
    knobs: () => ({ emptyBody: 1 }),
    server: { emptyBodyRate: 1 },
    plain: allFail('ResponseBodyError'),
    resilient: allFail('ResponseBodyError'),
    cliExit: 1,
  },
];

import type { FaultOptions } from './fault-options';

/**
 * Options for {@link startFixtureServer}: where to listen, the default faults (see
 * {@link FaultOptions}; each also overridable per request) and a seed for repeatable randomness.
 *
 * @example
 * ```ts
 * await startFixtureServer({ latencyMs: 100, jitterMs: 20, errorRate: 0.1, seed: 42 });
 * ```
 */
export interface FixtureServerOptions extends Partial<FaultOptions> {
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Port to bind; 0 (the default) picks a free one, see `FixtureServer.port`. */
  port?: number;
  /** Seed for the mulberry32 generator behind jitter and the fault rates; omit for `Math.random`. */
  seed?: number;
}

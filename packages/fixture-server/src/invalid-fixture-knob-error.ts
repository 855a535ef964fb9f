/**
 * Thrown (or answered as HTTP 400) when a fault knob or server option has a value the fixture
 * server cannot use. The message names the knob, the value and what is expected, e.g.
 * `Invalid fixture knob latency=abc: expected a number of milliseconds ≥ 0`.
 */
export class InvalidFixtureKnobError extends Error {
  override readonly name = 'InvalidFixtureKnobError';

  /**
   * @param knob - The knob or option name as the caller wrote it (`latency`, `latencyMs`, …).
   * @param value - The rejected value, as received.
   * @param expected - What a valid value looks like, e.g. `a number of milliseconds ≥ 0`.
   */
  constructor(
    readonly knob: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`Invalid fixture knob ${knob}=${String(value)}: expected ${expected}`);
  }
}

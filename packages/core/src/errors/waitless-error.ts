/** Base class of every error Waitless throws on purpose; `instanceof WaitlessError` tells ours from the rest. */
export class WaitlessError extends Error {
  override name = 'WaitlessError';
}

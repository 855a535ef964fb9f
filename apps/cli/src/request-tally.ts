import { isAbortError, isHttpError } from '@waitless/core';
import { ExitCode, type ExitCodeValue } from './exit-codes';

/** Counts how requests ended: successes, failures per error type, and calls stopped by Ctrl-C. */
export class RequestTally {
  ok = 0;
  aborted = 0;
  private readonly failures = new Map<string, number>();
  private readonly examples = new Map<string, string>();

  /** Failed requests (aborts by Ctrl-C are not failures). */
  get failed(): number {
    let total = 0;
    for (const count of this.failures.values()) total += count;
    return total;
  }

  /** Records one outcome: `undefined` for success, the thrown value otherwise. */
  record(error?: unknown): void {
    if (error === undefined) this.ok++;
    else if (isAbortError(error)) this.aborted++;
    else {
      const key = errorType(error);
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      if (!this.examples.has(key)) this.examples.set(key, error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
  }

  /** Runs `call` and records how it ended; resolves to its value or `undefined`, never rejects. */
  async settle<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await call();
      this.record();
      return value;
    } catch (error) {
      this.record(error ?? new Error('undefined was thrown'));
      return undefined;
    }
  }

  /** Failures per error type, e.g. `HttpError 503 ×2, NetworkError ×1`; empty when none failed. */
  failureSummary(): string {
    return [...this.failures.entries()].map(([type, count]) => `${type} ×${count}`).join(', ');
  }

  /** One example message per failing error type, so a user sees what went wrong without --verbose. */
  failureExamples(): string[] {
    return [...this.examples.entries()].map(([type, message]) => `${type}: ${message}`);
  }

  /** `0` when every request succeeded, `1` when any failed. */
  exitCode(): ExitCodeValue {
    return this.failed > 0 ? ExitCode.failed : ExitCode.ok;
  }
}

function errorType(error: unknown): string {
  if (isHttpError(error)) return `${error.name} ${error.status}`;
  return error instanceof Error ? error.name : 'Error';
}

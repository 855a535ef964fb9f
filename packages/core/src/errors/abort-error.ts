import { WaitlessError } from './waitless-error';

/** The caller's `AbortSignal` fired; the work was stopped. */
export class AbortError extends WaitlessError {
  override name = 'AbortError' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly reason?: string,
  ) {
    super(`Request aborted: ${method} ${url}${reason ? ` (${reason})` : ''}`);
  }
}

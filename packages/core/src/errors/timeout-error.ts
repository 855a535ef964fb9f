import { WaitlessError } from './waitless-error';

/** The call took longer than its `timeoutMs`. */
export class TimeoutError extends WaitlessError {
  override name = 'TimeoutError' as const;

  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
  ) {
    super(`Request timed out after ${timeoutMs} ms: ${method} ${url}. Raise timeoutMs or check that the server answers.`);
  }
}

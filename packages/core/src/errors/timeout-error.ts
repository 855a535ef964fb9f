import { WaitlessError } from './waitless-error';

/** The call took longer than its `timeoutMs`. Recognise it with `isTimeoutError`. */
export class TimeoutError extends WaitlessError {
  override name = 'TimeoutError' as const;
  override readonly kind = 'timeout' as const;

  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(`Request timed out after ${timeoutMs} ms: ${method} ${url}. Raise timeoutMs or check that the server answers.`, options);
  }
}

import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/** The call took longer than its `timeoutMs`. Recognise it with `isTimeoutError`. */
export class TimeoutError extends WaitlessError {
  override name = 'TimeoutError' as const;
  override readonly kind = 'timeout' as const;

  /** The request URL, credentials redacted. */
  readonly url: string;

  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    url: string,
    options?: ErrorOptions,
  ) {
    super(
      `Request timed out after ${timeoutMs} ms: ${method} ${urlForMessage(url)}. Raise timeoutMs or check that the server answers.`,
      options,
    );
    this.url = redactUrl(url);
  }
}

import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/**
 * The caller's `AbortSignal` fired; the work was stopped. `reason` is the signal's reason as text, and
 * `cause` the reason itself. Recognise it with `isAbortError`: a DOM `AbortError` does not match.
 * @example new AbortError('GET', url, describeAbortReason(signal.reason), { cause: signal.reason })
 */
export class AbortError extends WaitlessError {
  override name = 'AbortError' as const;
  override readonly kind = 'abort' as const;

  /** The request URL, credentials redacted. */
  readonly url: string;

  constructor(
    readonly method: string,
    url: string,
    readonly reason?: string,
    options?: ErrorOptions,
  ) {
    super(`Request aborted: ${method} ${urlForMessage(url)}${reason ? ` (${reason})` : ''}`, options);
    this.url = redactUrl(url);
  }
}

import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/**
 * The transport failed before a response arrived: refused or reset connection, bad response framing.
 * `detail` sums the failure up (`ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`); `cause` is the
 * transport's own error. Recognise it with `isNetworkError`.
 */
export class NetworkError extends WaitlessError {
  override name = 'NetworkError' as const;
  override readonly kind = 'network' as const;

  /** The request URL, credentials redacted. */
  readonly url: string;
  /** What went wrong, as the transport or parser said it: credentials redacted, cut to a few hundred characters. */
  readonly detail: string;

  constructor(
    readonly method: string,
    url: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `Network error: ${method} ${urlForMessage(url)} — ${urlForMessage(detail)}. ` + 'Check that the server is running and reachable.',
      options,
    );
    this.url = redactUrl(url);
    this.detail = urlForMessage(detail);
  }
}

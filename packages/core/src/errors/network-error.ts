import { WaitlessError } from './waitless-error';

/**
 * The transport failed before a response arrived: refused or reset connection, bad response framing.
 * `detail` sums the failure up (`ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`); `cause` is the
 * transport's own error. Recognise it with `isNetworkError`.
 */
export class NetworkError extends WaitlessError {
  override name = 'NetworkError' as const;
  override readonly kind = 'network' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`Network error: ${method} ${url} — ${detail}. Check that the server is running and reachable.`, options);
  }
}

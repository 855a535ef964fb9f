import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/**
 * The server redirected more than `maxRedirects` times in a row: a redirect loop, or a chain longer than
 * allowed. `url` is the request's original URL. Recognise it with `isTooManyRedirectsError`.
 */
export class TooManyRedirectsError extends WaitlessError {
  override name = 'TooManyRedirectsError' as const;
  override readonly kind = 'too-many-redirects' as const;

  /** The request URL, credentials redacted. */
  readonly url: string;

  constructor(
    readonly method: string,
    url: string,
    /** The `maxRedirects` the chain exceeded. */
    readonly limit: number,
    options?: ErrorOptions,
  ) {
    super(
      `Too many redirects (redirect loop?): ${method} ${urlForMessage(url)} was redirected more than ${limit} times. ` +
        `Fix the URL or the server's redirects, or raise maxRedirects (on the request, or "http.maxRedirects" in waitless.config.json).`,
      options,
    );
    this.url = redactUrl(url);
  }
}

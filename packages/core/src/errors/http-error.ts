import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

const EXCERPT_LENGTH = 200;

/** The server answered with a non-2xx status. Recognise it with `isHttpError`. */
export class HttpError extends WaitlessError {
  override name = 'HttpError' as const;
  override readonly kind = 'http' as const;
  /** The first 200 characters of the response body, to show the server's own explanation. */
  readonly bodyExcerpt: string;

  /** The request URL, credentials redacted. */
  readonly url: string;

  constructor(
    readonly status: number,
    readonly method: string,
    url: string,
    body: string,
    readonly headers: Record<string, string> = {},
    options?: ErrorOptions,
  ) {
    const bodyExcerpt = body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH)}…` : body;
    super(`Request failed with status ${status}: ${method} ${urlForMessage(url)}${bodyExcerpt ? ` — ${bodyExcerpt}` : ''}`, options);
    this.url = redactUrl(url);
    this.bodyExcerpt = bodyExcerpt;
  }
}

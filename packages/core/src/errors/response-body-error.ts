import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/**
 * A 2xx response whose body cannot be used: it says it is JSON but does not parse (`cause` is the parser's
 * error), or it lacks what the caller reads (domain code checks that, e.g. a Pokémon without a name).
 * `detail` says which. Recognise it with `isResponseBodyError`.
 */
export class ResponseBodyError extends WaitlessError {
  override name = 'ResponseBodyError' as const;
  override readonly kind = 'response-body' as const;

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
      `Unusable response body: ${method} ${urlForMessage(url)} — ${urlForMessage(detail)}. ` +
        'The server sent a broken body; retrying may help.',
      options,
    );
    this.url = redactUrl(url);
    this.detail = urlForMessage(detail);
  }
}

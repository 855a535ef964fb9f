import { redactUrl, urlForMessage } from '../http/url-for-message';
import { WaitlessError } from './waitless-error';

/**
 * The response body is longer than the call's `maxBodyBytes`; reading stopped there and the connection was
 * dropped. Recognise it with `isResponseTooLargeError`.
 */
export class ResponseTooLargeError extends WaitlessError {
  override name = 'ResponseTooLargeError' as const;
  override readonly kind = 'response-too-large' as const;

  /** The request URL, credentials redacted. */
  readonly url: string;

  constructor(
    readonly method: string,
    url: string,
    /** The `maxBodyBytes` the body exceeded. */
    readonly limit: number,
    options?: ErrorOptions,
  ) {
    super(
      `Response body is larger than maxBodyBytes (${limit} bytes): ${method} ${urlForMessage(url)}. ` +
        'If bodies this large are expected, raise maxBodyBytes (on the request, or "http.maxBodyBytes" in waitless.config.json).',
      options,
    );
    this.url = redactUrl(url);
  }
}

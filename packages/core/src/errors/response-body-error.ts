import { WaitlessError } from './waitless-error';

/** The response said it was JSON but its body does not parse; `cause` is the parser's error. Recognise it with `isResponseBodyError`. */
export class ResponseBodyError extends WaitlessError {
  override name = 'ResponseBodyError' as const;
  override readonly kind = 'response-body' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`Response body is not valid JSON: ${method} ${url} — ${detail}. The server sent a broken body; retrying may help.`, options);
  }
}

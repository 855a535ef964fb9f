import { WaitlessError } from './waitless-error';

/** The response said it was JSON but its body does not parse. */
export class ResponseBodyError extends WaitlessError {
  override name = 'ResponseBodyError' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string,
  ) {
    super(`Response body is not valid JSON: ${method} ${url} — ${detail}. The server sent a broken body; retrying may help.`);
  }
}

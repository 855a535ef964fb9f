import { WaitlessError } from './waitless-error';

/** The transport failed before a response arrived: refused or reset connection, bad response framing. */
export class NetworkError extends WaitlessError {
  override name = 'NetworkError' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string,
  ) {
    super(`Network error: ${method} ${url} — ${detail}. Check that the server is running and reachable.`);
  }
}

import { WaitlessError } from './waitless-error';

/**
 * The caller's `AbortSignal` fired; the work was stopped. `reason` is the signal's reason as text, and
 * `cause` the reason itself. Recognise it with `isAbortError`: a DOM `AbortError` does not match.
 * @example new AbortError('GET', url, describeAbortReason(signal.reason), { cause: signal.reason })
 */
export class AbortError extends WaitlessError {
  override name = 'AbortError' as const;
  override readonly kind = 'abort' as const;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly reason?: string,
    options?: ErrorOptions,
  ) {
    super(`Request aborted: ${method} ${url}${reason ? ` (${reason})` : ''}`, options);
  }
}

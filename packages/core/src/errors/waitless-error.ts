/**
 * The brand every Waitless error carries. It comes from the global symbol registry, so errors made by
 * another copy of `@waitless/core` in the same process (a plugin's own, say) carry the same one.
 * Read it through the guards (`isWaitlessError`, `isHttpError`, …), not directly.
 */
export const WAITLESS_ERROR_BRAND: unique symbol = Symbol.for('waitless.error');

/**
 * Base class of every error Waitless throws on purpose. Each subclass has a literal `name` and `kind`
 * and takes an optional `{ cause }` last, to keep the failure underneath.
 *
 * Recognise errors with the guards (`isWaitlessError`, `isHttpError`, …) rather than `instanceof`
 * or `error.name`: the guards check the brand plus `kind`, so they also match errors from a second
 * copy of `@waitless/core`.
 * @example
 * class QuotaError extends WaitlessError {
 *   override name = 'QuotaError' as const;
 *   override readonly kind = 'my-plugin/quota' as const;
 * }
 */
export class WaitlessError extends Error {
  override name = 'WaitlessError';
  /** Always `true`; what the guards check, together with `kind`. */
  readonly [WAITLESS_ERROR_BRAND] = true as const;
  /**
   * What failed, as a literal each subclass narrows: `'http'`, `'timeout'`, `'abort'`, … Outside
   * core, prefix it with your package (`'my-plugin/quota'`) so it cannot clash with ours.
   */
  readonly kind: string = 'waitless';
  /**
   * `true` when the person running Waitless caused the failure and can fix it (an option, the config,
   * a plugin list, a pipeline spec): apps report it as a usage error (the CLI exits with 2) and run nothing.
   */
  readonly userFixable: boolean = false;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
  }
}

import { WaitlessError } from './waitless-error';

/** The configuration is invalid: names the field, the file it came from and what to do. Recognise it with `isConfigError`. */
export class ConfigError extends WaitlessError {
  override name = 'ConfigError' as const;
  override readonly kind = 'config' as const;
  override readonly userFixable = true;

  constructor(
    readonly field: string,
    readonly source: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid config in ${source}: "${field}" ${problem}`, options);
  }
}

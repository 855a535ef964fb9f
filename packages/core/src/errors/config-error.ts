import { WaitlessError } from './waitless-error';

/** The configuration is invalid: names the field, the file it came from and what to do. */
export class ConfigError extends WaitlessError {
  override name = 'ConfigError' as const;

  constructor(
    readonly field: string,
    readonly source: string,
    readonly problem: string,
  ) {
    super(`Invalid config in ${source}: "${field}" ${problem}`);
  }
}

import { WaitlessError } from './waitless-error';

/**
 * A package listed in `plugins` could not be loaded or exports no plugin; `cause` is the loader's error.
 * Recognise it with `isPluginLoadError`.
 */
export class PluginLoadError extends WaitlessError {
  override name = 'PluginLoadError' as const;
  override readonly kind = 'plugin-load' as const;
  override readonly userFixable = true;

  constructor(
    readonly plugin: string,
    readonly source: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot load plugin "${plugin}" listed in ${source}: ${problem}`, options);
  }
}

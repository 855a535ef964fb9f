import { WaitlessError } from './waitless-error';

/** A package listed in `plugins` could not be loaded or exports no ContainerModule. */
export class PluginLoadError extends WaitlessError {
  override name = 'PluginLoadError' as const;

  constructor(
    readonly plugin: string,
    readonly source: string,
    readonly problem: string,
  ) {
    super(`Cannot load plugin "${plugin}" listed in ${source}: ${problem}`);
  }
}

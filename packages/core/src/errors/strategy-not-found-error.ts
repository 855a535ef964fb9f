import type { StrategySource } from '../config/load-config';
import { suggestName } from '../suggest-name';
import { WaitlessError } from './waitless-error';

/** Where a requested strategy name came from, so the error can point at the place to fix it. */
export interface StrategyOrigin {
  source: Exclude<StrategySource, 'default'>;
  /** The config file, when the name came from its `strategy` field. */
  file?: string;
}

/** A strategy name that no loaded plugin registered. Recognise it with `isStrategyNotFoundError`. */
export class StrategyNotFoundError extends WaitlessError {
  override name = 'StrategyNotFoundError' as const;
  override readonly kind = 'strategy-not-found' as const;
  override readonly userFixable = true;
  /** The registered name closest to the requested one, if any is close. */
  readonly suggestion: string | undefined;

  constructor(
    readonly strategy: string,
    readonly registered: readonly string[],
    readonly origin?: StrategyOrigin,
  ) {
    const suggestion = suggestName(strategy, registered);
    super(
      `Unknown strategy "${strategy}"${describeOrigin(origin)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} ` +
        `Registered: ${registered.join(', ') || '(none)'}. A strategy from another package must be listed in "plugins".`,
    );
    this.suggestion = suggestion;
  }
}

function describeOrigin(origin: StrategyOrigin | undefined): string {
  switch (origin?.source) {
    case 'flag':
      return ' (requested by the caller)';
    case 'env':
      return ' (from the WAITLESS_STRATEGY environment variable)';
    case 'config':
      return ` (from "strategy" in ${origin.file ?? 'the inline config'})`;
    default:
      return '';
  }
}

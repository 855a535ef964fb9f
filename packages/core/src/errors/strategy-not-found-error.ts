import { WaitlessError } from './waitless-error';

/** A strategy name that no loaded plugin registered. */
export class StrategyNotFoundError extends WaitlessError {
  override name = 'StrategyNotFoundError' as const;

  constructor(
    readonly strategy: string,
    readonly registered: readonly string[],
  ) {
    super(
      `Unknown strategy "${strategy}". Registered: ${registered.join(', ') || '(none)'}. ` +
        'Set "strategy" in waitless.config.json, WAITLESS_STRATEGY, or pass --strategy; ' +
        'a strategy from another package must be listed in "plugins".',
    );
  }
}

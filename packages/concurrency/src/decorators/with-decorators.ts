import { applyDecorators, type FetchStrategy } from '@waitless/core/plugin';
import type { StandardDecoratorSettings } from './decorator-settings';
import { standardDecorators } from './standard-decorators';

/**
 * Wraps any strategy in the standard decorators, configured as under `strategies.<name>` in config,
 * for code that does not use `createWaitless`. Settings are validated the same way; errors name the field.
 * @example const strategy = withDecorators(new NativeAsyncStrategy(), { retry: { attempts: 3 }, timeout: { totalMs: 5_000 } });
 */
export function withDecorators(strategy: FetchStrategy, settings: StandardDecoratorSettings): FetchStrategy {
  return applyDecorators(strategy, settings as Record<string, unknown>, standardDecorators, 'withDecorators settings');
}

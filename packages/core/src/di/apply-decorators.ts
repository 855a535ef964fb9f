import { ConfigError } from '../errors/config-error';
import type { StrategyDecoratorDefinition } from '../extensions/strategy-decorator-definition';
import type { FetchStrategy } from '../fetch-strategy';
import { validateOrThrow } from '../schema/validate-or-throw';
import { suggestName } from '../suggest-name';

/** Decorator settings after validation, by config key. */
export type ValidatedDecoratorSettings = ReadonlyMap<string, unknown>;

/**
 * Validates each decorator key in `settings` against the decorator that registered it. Keys other than
 * `options` that no decorator registered are an error that lists the known ones.
 */
export function validateDecoratorSettings(
  settings: Readonly<Record<string, unknown>>,
  decorators: readonly StrategyDecoratorDefinition[],
  source: string,
  field: string,
): ValidatedDecoratorSettings {
  const validated = new Map<string, unknown>();
  const known = [...new Set(decorators.map((d) => d.key))];
  const at = (key: string): string => (field ? `${field}.${key}` : key);
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'options' || value === undefined) continue;
    const decorator = decorators.find((d) => d.key === key);
    if (!decorator) {
      const suggestion = suggestName(key, known);
      throw new ConfigError(
        at(key),
        source,
        `is not a known setting.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known: ${['options', ...known].join(', ')}` +
          (known.length === 0
            ? ' (no decorators are registered: pass them to createWaitless, e.g. standardDecorators from @waitless/concurrency).'
            : '.'),
      );
    }
    validated.set(key, validateOrThrow(decorator.schema, value, source, at(key)));
  }
  return validated;
}

/** Wraps `strategy` in every decorator whose key has settings, lowest `order` innermost. */
export function decorateStrategy(
  strategy: FetchStrategy,
  settings: ValidatedDecoratorSettings,
  decorators: readonly StrategyDecoratorDefinition[],
): FetchStrategy {
  return [...decorators]
    .sort((a, b) => a.order - b.order)
    .filter((d) => settings.has(d.key))
    .reduce((inner, d) => d.decorate(inner, settings.get(d.key)), strategy);
}

/**
 * Validates `settings` (as under `strategies.<name>` in config, without `options`) and wraps `strategy`
 * in the decorators they enable: the same chain the runtime builds from config, for code without DI.
 * @example applyDecorators(strategy, { retry: { attempts: 3 } }, standardDecorators)
 */
export function applyDecorators(
  strategy: FetchStrategy,
  settings: Readonly<Record<string, unknown>>,
  decorators: readonly StrategyDecoratorDefinition[],
  source = 'the decorator settings',
): FetchStrategy {
  return decorateStrategy(strategy, validateDecoratorSettings(settings, decorators, source, ''), decorators);
}

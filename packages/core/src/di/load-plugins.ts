import { PluginLoadError } from '../errors/plugin-load-error';
import type { StrategyPluginDefinition } from '../extensions/strategy-plugin-definition';
import type { RegisteredPlugin } from './registered-plugin';

/**
 * Loads each package named in `plugins` and returns the plugin definition it exports as `plugin` or
 * `default`. Names resolve from `searchPaths` in order (the config file's folder first), like `require`.
 */
export function loadPlugins(plugins: readonly string[], searchPaths: readonly string[], source: string): RegisteredPlugin[] {
  return plugins.map((packageName) => {
    let exports: Record<string, unknown>;
    try {
      const resolved = require.resolve(packageName, { paths: [...searchPaths] });
      // Plugins are named in config at run time, so a static import cannot name them.
      exports = require(resolved);
    } catch (error) {
      throw new PluginLoadError(
        packageName,
        source,
        `${(error as Error).message.split('\n')[0]}. Install it (npm install ${packageName}) or fix the name in "plugins".`,
        { cause: error },
      );
    }
    const definition = [
      exports['plugin'],
      exports['default'],
      (exports['default'] as Record<string, unknown> | undefined)?.['plugin'],
    ].find(isPluginDefinition);
    if (!definition) {
      const found = Object.keys(exports).join(', ') || 'nothing';
      throw new PluginLoadError(
        packageName,
        source,
        `it exports no strategy plugin definition (found: ${found}). ` +
          'A plugin exports { name, description, profile, create } as "plugin" or as its default export; see docs/writing-a-strategy.md.',
      );
    }
    return { definition, packageName: definition.packageName ?? packageName };
  });
}

/** A plain object with the fields every plugin definition has; plugins need no class or brand from core. */
function isPluginDefinition(value: unknown): value is StrategyPluginDefinition {
  const candidate = value as Partial<StrategyPluginDefinition> | null | undefined;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.name === 'string' && typeof candidate.create === 'function'
  );
}

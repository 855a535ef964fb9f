import { ContainerModule } from 'inversify';
import { PluginLoadError } from '../errors/plugin-load-error';

/**
 * Loads each package named in `plugins` and returns its exported `ContainerModule`.
 * Names resolve from `searchPaths` in order (the config file's folder first), like `require` would.
 */
export function loadPlugins(plugins: readonly string[], searchPaths: readonly string[], source: string): ContainerModule[] {
  return plugins.map((plugin) => {
    let exports: Record<string, unknown>;
    try {
      const resolved = require.resolve(plugin, { paths: [...searchPaths] });
      // Plugins are named in config at run time, so a static import cannot name them.
      exports = require(resolved);
    } catch (error) {
      throw new PluginLoadError(plugin, source, `${(error as Error).message.split('\n')[0]}. Install it (npm install ${plugin}) or fix the name in "plugins".`);
    }
    const modules = Object.values(exports).filter(isContainerModule);
    if (modules.length !== 1) {
      throw new PluginLoadError(plugin, source, `it exports ${modules.length} ContainerModules; a strategy plugin exports exactly one (see docs/writing-a-strategy.md).`);
    }
    return modules[0];
  });
}

// Duck-typed as well as instanceof: a plugin may carry its own copy of inversify.
function isContainerModule(value: unknown): value is ContainerModule {
  if (value instanceof ContainerModule) return true;
  const candidate = value as { load?: unknown; id?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.load === 'function' && typeof candidate.id === 'number';
}

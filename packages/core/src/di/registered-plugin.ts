import type { StrategyPluginDefinition } from '../extensions/strategy-plugin-definition';

/** A plugin definition with the package it came from (or "(in code)"), as the container holds it. */
export interface RegisteredPlugin {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: StrategyPluginDefinition<any>;
  packageName: string;
}

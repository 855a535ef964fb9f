/** Options of `nx g @waitless/tools:strategy`; mirrors schema.json. */
export interface StrategyGeneratorSchema {
  /** Kebab-case strategy name, e.g. `my-transport`; the package becomes `@waitless/strategy-<name>`. */
  name: string;
  /** Folder the package goes in, relative to the workspace root. Default `packages`. */
  directory?: string;
  /** One line for `waitless strategies` and the web app. */
  description?: string;
}

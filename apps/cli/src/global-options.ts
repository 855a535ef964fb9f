/** Options every command accepts (`waitless --help`). */
export interface GlobalOptions {
  /** Strategy name; wins over WAITLESS_STRATEGY and the config file. */
  strategy?: string;
  /** Explicit config file; otherwise WAITLESS_CONFIG, then waitless.config.json searched upwards. */
  config?: string;
  /** A PokeAPI-compatible server; otherwise the embedded fixture server is started. */
  baseUrl?: string;
  verbose?: boolean;
}

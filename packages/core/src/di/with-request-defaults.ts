import type { HttpSettings } from '../config/config-schema';
import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy } from '../fetch-strategy';

/**
 * `strategy` with config's `http` limits filled into every request that does not set its own; `strategy`
 * itself when config sets none, so the common case adds no layer.
 */
export function withRequestDefaults(strategy: FetchStrategy, defaults: HttpSettings | undefined): FetchStrategy {
  if (defaults?.maxBodyBytes === undefined && defaults?.maxRedirects === undefined) return strategy;
  const { maxBodyBytes, maxRedirects } = defaults;
  return {
    name: strategy.name,
    fetch: <TBody>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> =>
      strategy.fetch<TBody>(
        { ...request, maxBodyBytes: request.maxBodyBytes ?? maxBodyBytes, maxRedirects: request.maxRedirects ?? maxRedirects },
        options,
      ),
    close: () => strategy.close?.() ?? Promise.resolve(),
  };
}

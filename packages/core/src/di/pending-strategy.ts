import type { FetchOptions, FetchRequest, FetchResult, FetchStrategy } from '../fetch-strategy';

/**
 * Stands in for a strategy whose plugin creates it asynchronously (it connects first): calls made
 * before it is ready wait for it, later calls go straight through. A failed start rejects every call
 * with the plugin's own error.
 */
export class PendingStrategy implements FetchStrategy {
  readonly ready: Promise<FetchStrategy>;
  private strategy: FetchStrategy | undefined;

  constructor(
    readonly name: string,
    creating: Promise<FetchStrategy>,
  ) {
    this.ready = creating.then((strategy) => (this.strategy = strategy));
    // Reported to whoever awaits `ready` or calls `fetch`; not an unhandled rejection in between.
    this.ready.catch(() => undefined);
  }

  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    if (this.strategy) return this.strategy.fetch<TBody>(request, options);
    return this.ready.then((strategy) => strategy.fetch<TBody>(request, options));
  }

  async close(): Promise<void> {
    const strategy = await this.ready.catch(() => undefined);
    await strategy?.close?.();
  }
}

import type { Container } from 'inversify';
import type { LoadedConfig } from '../config/load-config';
import { ConfigError } from '../errors/config-error';
import { StrategyNotFoundError } from '../errors/strategy-not-found-error';
import type { FetchStrategy } from '../fetch-strategy';
import type { StrategyDescriptor } from '../strategy-descriptor';
import { FETCH_STRATEGY, STRATEGY_DECORATOR, STRATEGY_DESCRIPTOR } from '../tokens';
import type { StrategyDecorator } from './strategy-decorator';

/**
 * Resolves strategies by name from the container and wraps them in the decorators their config enables.
 * Bound as a singleton by `createWaitless`.
 */
export class StrategyFactory {
  private readonly created = new Map<string, FetchStrategy>();

  constructor(
    private readonly container: Container,
    private readonly loaded: LoadedConfig,
  ) {}

  /** Every registered strategy's descriptor, in the order the plugins were loaded. */
  descriptors(): StrategyDescriptor[] {
    const all = this.container.getAll<StrategyDescriptor>(STRATEGY_DESCRIPTOR, { optional: true }) ?? [];
    const seen = new Map<string, StrategyDescriptor>();
    for (const descriptor of all) {
      const earlier = seen.get(descriptor.name);
      if (earlier) {
        throw new ConfigError('plugins', this.loaded.source, `loads two strategies named "${descriptor.name}" (${earlier.packageName} and ${descriptor.packageName}). Remove one of them.`);
      }
      seen.set(descriptor.name, descriptor);
    }
    return [...seen.values()];
  }

  /** Registered strategy names, sorted. */
  names(): string[] {
    return this.descriptors()
      .map((d) => d.name)
      .sort();
  }

  /** The descriptor of `name`, or `StrategyNotFoundError` listing what is registered. */
  describe(name: string): StrategyDescriptor {
    const descriptor = this.descriptors().find((d) => d.name === name);
    if (!descriptor) throw new StrategyNotFoundError(name, this.names());
    return descriptor;
  }

  /** The (decorated) strategy called `name`; the same instance on every call. */
  create(name: string): FetchStrategy {
    const existing = this.created.get(name);
    if (existing) return existing;
    this.describe(name);
    const strategy = this.decorate(name, this.container.get<FetchStrategy>(FETCH_STRATEGY, { name }));
    this.created.set(name, strategy);
    return strategy;
  }

  /** Closes every strategy this factory created (worker pools, sockets). */
  async close(): Promise<void> {
    const strategies = [...this.created.values()];
    this.created.clear();
    await Promise.all(strategies.map((s) => s.close?.()));
  }

  private decorate(name: string, base: FetchStrategy): FetchStrategy {
    const settings = this.loaded.config.strategies[name];
    if (!settings) return base;
    const decorators = this.container.getAll<StrategyDecorator>(STRATEGY_DECORATOR, { optional: true }) ?? [];
    return [...decorators]
      .sort((a, b) => a.order - b.order)
      .filter((d) => settings[d.key] !== undefined)
      .reduce((inner, d) => d.decorate(inner, settings), base);
  }
}

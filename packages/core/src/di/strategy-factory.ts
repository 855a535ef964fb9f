import type { Container } from 'inversify';
import { StrategyNotFoundError, type StrategyOrigin } from '../errors/strategy-not-found-error';
import type { StrategyDecoratorDefinition } from '../extensions/strategy-decorator-definition';
import type { HttpSettings } from '../config/config-schema';
import type { FetchStrategy } from '../fetch-strategy';
import type { StrategyDescriptor } from '../strategy-descriptor';
import { FETCH_STRATEGY, STRATEGY_DECORATOR } from '../tokens';
import { TracedStrategy } from '../tracing/traced-strategy';
import { decorateStrategy, type ValidatedDecoratorSettings } from './apply-decorators';
import { PendingStrategy } from './pending-strategy';
import { withRequestDefaults } from './with-request-defaults';

/**
 * Resolves strategies by name from the container and wraps them in the decorators their config enables
 * (the factory pattern over DI). One instance per name: pools and sockets are shared by every caller.
 */
export class StrategyFactory {
  private readonly created = new Map<string, { strategy: FetchStrategy; ready: Promise<unknown> }>();

  constructor(
    private readonly container: Container,
    private readonly registered: readonly StrategyDescriptor[],
    private readonly settings: ReadonlyMap<string, ValidatedDecoratorSettings>,
    /** Config's `http` limits, filled into requests that set none. */
    private readonly requestDefaults?: HttpSettings,
  ) {}

  /** Every registered strategy's descriptor, in the order the plugins were registered. */
  descriptors(): StrategyDescriptor[] {
    return [...this.registered];
  }

  /** Registered strategy names, sorted. */
  names(): string[] {
    return this.registered.map((d) => d.name).sort();
  }

  /** The descriptor of `name`, or `StrategyNotFoundError` listing what is registered (and where the bad name came from). */
  describe(name: string, origin?: StrategyOrigin): StrategyDescriptor {
    const descriptor = this.registered.find((d) => d.name === name);
    if (!descriptor) throw new StrategyNotFoundError(name, this.names(), origin);
    return descriptor;
  }

  /**
   * The decorated strategy called `name`; the same instance on every call. A strategy that starts asynchronously
   * answers once it is ready.
   */
  create(name: string): FetchStrategy {
    return this.entry(name).strategy;
  }

  /** Like {@link create}, once the strategy has finished starting (rejects with the plugin's error if it could not). */
  async ready(name: string): Promise<FetchStrategy> {
    const { strategy, ready } = this.entry(name);
    await ready;
    return strategy;
  }

  /** Closes every strategy this factory created (worker pools, sockets, connections). */
  async close(): Promise<void> {
    const created = [...this.created.values()];
    this.created.clear();
    await Promise.all(created.map(({ strategy }) => strategy.close?.()));
  }

  private entry(name: string): { strategy: FetchStrategy; ready: Promise<unknown> } {
    const existing = this.created.get(name);
    if (existing) return existing;
    this.describe(name);
    const base = this.container.get<FetchStrategy>(FETCH_STRATEGY, { name });
    const decorators = this.container.getAll<StrategyDecoratorDefinition>(STRATEGY_DECORATOR, { optional: true }) ?? [];
    const decorated = decorateStrategy(base, this.settings.get(name) ?? new Map(), decorators);
    // Outermost, so the waitless:fetch channel sees each call once, with the chain's attempts and waits.
    const strategy = new TracedStrategy(withRequestDefaults(decorated, this.requestDefaults));
    const entry = { strategy, ready: base instanceof PendingStrategy ? base.ready : Promise.resolve() };
    this.created.set(name, entry);
    return entry;
  }
}

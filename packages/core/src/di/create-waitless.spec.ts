import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerModule } from 'inversify';
import { PluginLoadError } from '../errors/plugin-load-error';
import { StrategyNotFoundError } from '../errors/strategy-not-found-error';
import { ConfigError } from '../errors/config-error';
import type { FetchStrategy } from '../fetch-strategy';
import { STRATEGY_DECORATOR } from '../tokens';
import { defineStrategyPlugin } from './define-strategy-plugin';
import type { StrategyDecorator } from './strategy-decorator';
import { createWaitless } from './create-waitless';
import { RecordingStrategy } from '../../test/fixtures/recording-strategy';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures');
const plugin = (name: string) => defineStrategyPlugin({ name, packageName: `pkg-${name}`, description: name, profile: 'concurrent', create: () => new RecordingStrategy(name) });

describe('createWaitless', () => {
  it('resolves strategies by name and lists them sorted', () => {
    const waitless = createWaitless({ inline: {}, env: {}, modules: [plugin('zeta'), plugin('alpha')] });
    expect(waitless.factory.names()).toEqual(['alpha', 'zeta']);
    expect(waitless.factory.create('alpha').name).toBe('alpha');
    expect(waitless.factory.create('alpha')).toBe(waitless.factory.create('alpha'));
  });

  it('defaults to the first plugin loaded, and says so', () => {
    const waitless = createWaitless({ inline: {}, env: {}, modules: [plugin('zeta'), plugin('alpha')] });
    expect(waitless.active).toEqual({ name: 'zeta', source: 'default' });
  });

  it('rejects an unknown strategy with the registered names and what to do', () => {
    expect(() => createWaitless({ inline: {}, env: {}, strategy: 'nativ-async', modules: [plugin('native-async'), plugin('blocking-sync')] })).toThrow(
      new StrategyNotFoundError('nativ-async', ['blocking-sync', 'native-async']),
    );
    expect(new StrategyNotFoundError('x', ['a', 'b']).message).toBe(
      'Unknown strategy "x". Registered: a, b. Set "strategy" in waitless.config.json, WAITLESS_STRATEGY, or pass --strategy; a strategy from another package must be listed in "plugins".',
    );
  });

  it('loads plugins named in a config file, relative to the file, and passes them their options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waitless-plugins-'));
    writeFileSync(join(dir, 'waitless.config.json'), JSON.stringify({ plugins: [join(fixtures, 'recording-plugin.ts')], strategies: { recording: { options: { label: 'from-config' } } } }));
    const waitless = createWaitless({ cwd: dir, env: {} });
    expect(waitless.active).toEqual({ name: 'recording', source: 'default' });
    expect((waitless.strategy() as RecordingStrategy).name).toBe('from-config');
  });

  it('explains a plugin that cannot be found or exports no ContainerModule', () => {
    expect(() => createWaitless({ inline: { plugins: ['@waitless/strategy-missing'] }, env: {} })).toThrow(PluginLoadError);
    expect(() => createWaitless({ inline: { plugins: ['@waitless/strategy-missing'] }, env: {} })).toThrow(/Install it \(npm install @waitless\/strategy-missing\)/);
    expect(() => createWaitless({ inline: { plugins: [join(fixtures, 'not-a-plugin.ts')] }, env: {} })).toThrow(/exports 0 ContainerModules/);
  });

  it('refuses a config that loads no strategy, or two with one name', () => {
    expect(() => createWaitless({ inline: { plugins: [] }, env: {} })).toThrow(ConfigError);
    const other = defineStrategyPlugin({ name: 'same', packageName: 'other', description: '', profile: 'blocking', create: () => new RecordingStrategy('same') });
    expect(() => createWaitless({ inline: {}, env: {}, modules: [plugin('same'), other] })).toThrow(/two strategies named "same" \(pkg-same and other\)/);
  });

  it('wraps a strategy in the decorators its config enables, in order', async () => {
    const order: string[] = [];
    const tagging = (key: StrategyDecorator['key'], rank: number): StrategyDecorator => ({
      key,
      order: rank,
      decorate: (inner: FetchStrategy): FetchStrategy => ({
        name: inner.name,
        fetch: (request, options) => {
          order.push(key);
          return inner.fetch(request, options);
        },
      }),
    });
    const decorators = new ContainerModule(({ bind }) => {
      bind(STRATEGY_DECORATOR).toConstantValue(tagging('retry', 2));
      bind(STRATEGY_DECORATOR).toConstantValue(tagging('rateLimit', 1));
      bind(STRATEGY_DECORATOR).toConstantValue(tagging('timeout', 3));
    });
    const waitless = createWaitless({ inline: { strategies: { rec: { retry: {}, rateLimit: { requests: 1, intervalMs: 10 } } } }, env: {}, modules: [decorators, plugin('rec'), plugin('plain')] });
    await waitless.factory.create('rec').fetch({ url: 'http://127.0.0.1/x' });
    expect(order).toEqual(['retry', 'rateLimit']);
    order.length = 0;
    await waitless.factory.create('plain').fetch({ url: 'http://127.0.0.1/x' });
    expect(order).toEqual([]);
  });

  it('closes every strategy it created', async () => {
    const waitless = createWaitless({ inline: {}, env: {}, modules: [plugin('one')] });
    const strategy = waitless.strategy() as RecordingStrategy;
    await waitless.close();
    expect(strategy.closed).toBe(1);
  });
});

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { PluginLoadError } from '../errors/plugin-load-error';
import { StrategyNotFoundError } from '../errors/strategy-not-found-error';
import { ConfigError } from '../errors/config-error';
import type { FetchStrategy } from '../fetch-strategy';
import { defineStrategyPlugin } from '../extensions/strategy-plugin-definition';
import { defineStrategyDecorator, type StrategyDecoratorDefinition } from '../extensions/strategy-decorator-definition';
import { createWaitless } from './create-waitless';
import { RecordingStrategy } from '../../test/fixtures/recording-strategy';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures');
const plugin = (name: string) =>
  defineStrategyPlugin({
    name,
    packageName: `pkg-${name}`,
    description: name,
    profile: 'concurrent',
    create: () => new RecordingStrategy(name),
  });

describe('createWaitless', () => {
  it('resolves strategies by name and lists them sorted', () => {
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [plugin('zeta'), plugin('alpha')] });
    expect(waitless.strategyNames()).toEqual(['alpha', 'zeta']);
    expect(waitless.strategy('alpha').name).toBe('alpha');
    expect(waitless.strategy('alpha')).toBe(waitless.strategy('alpha'));
    expect(waitless.describe('zeta')).toEqual({ name: 'zeta', packageName: 'pkg-zeta', description: 'zeta', profile: 'concurrent' });
  });

  it('defaults to the first plugin registered, and says so', () => {
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [plugin('zeta'), plugin('alpha')] });
    expect(waitless.activeStrategy).toEqual({ name: 'zeta', source: 'default' });
  });

  it('rejects an unknown strategy with where the name came from, the closest registered name and the list', () => {
    const strategyPlugins = [plugin('native-async'), plugin('blocking-sync')];
    expect(() => createWaitless({ inline: {}, env: {}, strategy: 'nativ-async', strategyPlugins })).toThrow(
      'Unknown strategy "nativ-async" (requested by the caller). Did you mean "native-async"? Registered: blocking-sync, native-async. ' +
        'A strategy from another package must be listed in "plugins".',
    );
    expect(() => createWaitless({ inline: {}, env: { WAITLESS_STRATEGY: 'zzz' }, strategyPlugins })).toThrow(
      'Unknown strategy "zzz" (from the WAITLESS_STRATEGY environment variable). Registered: blocking-sync, native-async. ' +
        'A strategy from another package must be listed in "plugins".',
    );
    const dir = mkdtempSync(join(tmpdir(), 'waitless-unknown-'));
    writeFileSync(join(dir, 'waitless.config.json'), JSON.stringify({ strategy: 'blocking-snyc' }));
    const fromFile = (): unknown => createWaitless({ cwd: dir, env: {}, strategyPlugins });
    expect(fromFile).toThrow(StrategyNotFoundError);
    expect(fromFile).toThrow(`(from "strategy" in ${join(dir, 'waitless.config.json')}). Did you mean "blocking-sync"?`);
    // Library messages name no CLI flag: the CLI adds its own hint.
    expect(() => createWaitless({ inline: {}, env: {}, strategyPlugins }).strategy('x')).toThrow(/^Unknown strategy "x"\. Registered/);
  });

  it('loads plugins named in a config file, relative to the file, and passes them their options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waitless-plugins-'));
    writeFileSync(
      join(dir, 'waitless.config.json'),
      JSON.stringify({
        plugins: [join(fixtures, 'recording-plugin.ts')],
        strategies: { recording: { options: { label: 'from-config' } } },
      }),
    );
    const waitless = createWaitless({ cwd: dir, env: {} });
    expect(waitless.activeStrategy).toEqual({ name: 'recording', source: 'default' });
    expect((waitless.strategy() as RecordingStrategy).name).toBe('from-config');
    expect(waitless.config.configPath).toBe(join(dir, 'waitless.config.json'));
  });

  it('explains a plugin that cannot be found or exports no plugin definition', () => {
    const missing = (): unknown => createWaitless({ inline: { plugins: ['@waitless/strategy-missing'] }, env: {} });
    expect(missing).toThrow(PluginLoadError);
    expect(missing).toThrow(/Install it \(npm install @waitless\/strategy-missing\)/);
    expect(() => createWaitless({ inline: { plugins: [join(fixtures, 'not-a-plugin.ts')] }, env: {} })).toThrow(
      'exports no strategy plugin definition (found: nothingHere). ' +
        'A plugin exports { name, description, profile, create } as "plugin" or as its default export',
    );
  });

  it('refuses a config that loads no strategy, or two with one name', () => {
    expect(() => createWaitless({ inline: { plugins: [] }, env: {} })).toThrow(ConfigError);
    const other = defineStrategyPlugin({
      name: 'same',
      packageName: 'other',
      description: '',
      profile: 'blocking',
      create: () => new RecordingStrategy('same'),
    });
    expect(() => createWaitless({ inline: {}, env: {}, strategyPlugins: [plugin('same'), other] })).toThrow(
      /two strategies named "same" \(pkg-same and other\)/,
    );
  });

  it("validates a plugin's options with its schema and names the field and the file", () => {
    const sized = defineStrategyPlugin({
      name: 'sized',
      description: 'has options',
      profile: 'concurrent',
      optionsSchema: z.object({ size: z.number().int().positive().default(4) }).strict(),
      create: ({ options }) => new RecordingStrategy(`sized-${options.size}`),
    });
    expect(createWaitless({ inline: {}, env: {}, strategyPlugins: [sized] }).strategy().name).toBe('sized-4');
    expect(
      createWaitless({ inline: { strategies: { sized: { options: { size: 9 } } } }, env: {}, strategyPlugins: [sized] }).strategy().name,
    ).toBe('sized-9');
    const bad = createWaitless({ inline: { strategies: { sized: { options: { size: 0 } } } }, env: {}, strategyPlugins: [sized] });
    expect(() => bad.strategy()).toThrow(
      /^Invalid config in the inline config: "strategies\.sized\.options\.size" Too small: expected number to be >0/,
    );
  });

  it('answers the threads a strategy declares for its configured options, without building it', () => {
    let built = 0;
    const pooled = defineStrategyPlugin({
      name: 'pooled',
      description: 'starts a pool',
      profile: 'concurrent',
      optionsSchema: z.object({ size: z.number().int().positive().default(4) }).strict(),
      threads: ({ size }) => size + 1,
      create: () => (built++, new RecordingStrategy('pooled')),
    });
    const strategyPlugins = [pooled, plugin('threadless')];
    expect(createWaitless({ inline: {}, env: {}, strategyPlugins }).threads()).toBe(5);
    const sized = createWaitless({ inline: { strategies: { pooled: { options: { size: 9 } } } }, env: {}, strategyPlugins });
    expect(sized.threads('pooled')).toBe(10);
    expect(sized.threads('threadless')).toBe(0);
    expect(built).toBe(0);
    expect(() => sized.threads('pooles')).toThrow(StrategyNotFoundError);
    const bad = createWaitless({ inline: { strategies: { pooled: { options: { size: 0 } } } }, env: {}, strategyPlugins });
    expect(() => bad.threads('pooled')).toThrow(ConfigError);
  });

  it('wraps a strategy in the decorators its config enables, in order, and validates their settings', async () => {
    const order: string[] = [];
    const tagging = (key: string, rank: number): StrategyDecoratorDefinition<{ tag: string }> =>
      defineStrategyDecorator({
        key,
        order: rank,
        schema: z.object({ tag: z.string().default(key) }).strict(),
        decorate: (inner: FetchStrategy, settings): FetchStrategy => ({
          name: inner.name,
          fetch: (request, options) => {
            order.push(settings.tag);
            return inner.fetch(request, options);
          },
        }),
      });
    const decorators = [tagging('retry', 2), tagging('rateLimit', 1), tagging('timeout', 3)];
    const inline = { strategies: { rec: { retry: {}, rateLimit: { tag: 'limited' } } } };
    const waitless = createWaitless({ inline, env: {}, decorators, strategyPlugins: [plugin('rec'), plugin('plain')] });
    await waitless.strategy('rec').fetch({ url: 'http://127.0.0.1/x' });
    expect(order).toEqual(['retry', 'limited']);
    order.length = 0;
    await waitless.strategy('plain').fetch({ url: 'http://127.0.0.1/x' });
    expect(order).toEqual([]);

    expect(() =>
      createWaitless({ inline: { strategies: { rec: { retyr: {} } } }, env: {}, decorators, strategyPlugins: [plugin('rec')] }),
    ).toThrow(
      'Invalid config in the inline config: "strategies.rec.retyr" is not a known setting. ' +
        'Did you mean "retry"? Known: options, retry, rateLimit, timeout.',
    );
    expect(() =>
      createWaitless({ inline: { strategies: { rec: { retry: { tag: 1 } } } }, env: {}, decorators, strategyPlugins: [plugin('rec')] }),
    ).toThrow(/"strategies\.rec\.retry\.tag" expected string, received number/);
    expect(() => createWaitless({ inline: { strategies: { rec: { retry: {} } } }, env: {}, strategyPlugins: [plugin('rec')] })).toThrow(
      /no decorators are registered/,
    );
  });

  it('refuses settings for a strategy no plugin registers, with the closest name', () => {
    expect(() => createWaitless({ inline: { strategies: { recc: {} } }, env: {}, strategyPlugins: [plugin('rec')] })).toThrow(
      '"strategies.recc" configures a strategy that no loaded plugin registers. Did you mean "rec"? Registered: rec.',
    );
  });

  it('creates an asynchronously starting strategy once; calls made before it is ready wait for it', async () => {
    let starts = 0;
    let finishStart: (strategy: FetchStrategy) => void = () => undefined;
    const connecting = defineStrategyPlugin({
      name: 'connecting',
      description: 'connects first',
      profile: 'concurrent',
      create: () => {
        starts += 1;
        return new Promise<FetchStrategy>((resolve) => (finishStart = resolve));
      },
    });
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [connecting] });
    const early = waitless.strategy().fetch({ url: 'http://127.0.0.1/early' });
    const ready = waitless.ready();
    const recording = new RecordingStrategy('connecting');
    finishStart(recording);
    await expect(early).resolves.toMatchObject({ url: 'http://127.0.0.1/early' });
    expect(await ready).toBe(waitless.strategy());
    await waitless.strategy().fetch({ url: 'http://127.0.0.1/late' });
    expect(recording.calls.map((c) => c.url)).toEqual(['http://127.0.0.1/early', 'http://127.0.0.1/late']);
    expect(starts).toBe(1);
    await waitless.close();
    expect(recording.closed).toBe(1);
  });

  it("rejects ready() and every call with the plugin's own error when an async start fails", async () => {
    const failing = defineStrategyPlugin({
      name: 'unreachable',
      description: 'cannot connect',
      profile: 'concurrent',
      create: async (): Promise<FetchStrategy> => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    });
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [failing] });
    await expect(waitless.ready()).rejects.toThrow('connect ECONNREFUSED 127.0.0.1:1');
    await expect(waitless.strategy().fetch({ url: 'http://127.0.0.1/x' })).rejects.toThrow('connect ECONNREFUSED 127.0.0.1:1');
    await waitless.close();
  });

  it("fills config's http limits into requests that set none", async () => {
    const waitless = createWaitless({ inline: { http: { maxBodyBytes: 2048 } }, env: {}, strategyPlugins: [plugin('one')] });
    const own = await waitless.strategy().fetch({ url: 'http://127.0.0.1/a', maxBodyBytes: 10, maxRedirects: 1 });
    const filled = await waitless.strategy().fetch({ url: 'http://127.0.0.1/b' });
    expect(own.body).toMatchObject({ maxBodyBytes: 10, maxRedirects: 1 });
    expect(filled.body).toMatchObject({ maxBodyBytes: 2048, maxRedirects: undefined });
    await waitless.close();
  });

  it('returns the pipeline steps registered with it', () => {
    const step = { name: 'echo', run: async (input: unknown) => input };
    expect(createWaitless({ inline: {}, env: {}, strategyPlugins: [plugin('one')], steps: [step] }).pipelineSteps()).toEqual([step]);
  });

  it('closes every strategy it created', async () => {
    const created: RecordingStrategy[] = [];
    const recording = defineStrategyPlugin({
      name: 'one',
      description: 'one',
      profile: 'concurrent',
      create: () => created[created.push(new RecordingStrategy('one')) - 1],
    });
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [recording] });
    waitless.strategy();
    await waitless.close();
    expect(created.map((strategy) => strategy.closed)).toEqual([1]);
  });
});

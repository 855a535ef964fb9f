import { createWaitless } from '@waitless/core';
import { plugin } from './blocking-sync-plugin';
import { BlockingSyncStrategy } from './blocking-sync-strategy';

describe('blocking-sync plugin', () => {
  it('registers the blocking-sync strategy with its package and blocking profile', () => {
    const waitless = createWaitless({ inline: {}, env: {}, strategyPlugins: [plugin] });
    expect(waitless.descriptors()).toEqual([
      expect.objectContaining({ name: 'blocking-sync', packageName: '@waitless/strategy-blocking-sync', profile: 'blocking' }),
    ]);
    // The request helper requestSync blocks on.
    expect(waitless.threads()).toBe(1);
    // The runtime hands out the plugin's strategy inside its tracing wrapper.
    expect(waitless.strategy().name).toBe('blocking-sync');
    expect(plugin.create({ options: {}, source: 'test', config: waitless.config.config })).toBeInstanceOf(BlockingSyncStrategy);
  });
});

import { createWaitless, FETCH_STRATEGY, type FetchStrategy } from '@waitless/core';
import { blockingSyncModule } from './blocking-sync-module';
import { BlockingSyncStrategy } from './blocking-sync-strategy';

describe('blockingSyncModule', () => {
  it('registers the blocking-sync strategy with its package and blocking profile', () => {
    const waitless = createWaitless({ inline: {}, env: {}, modules: [blockingSyncModule] });
    expect(waitless.factory.descriptors()).toEqual([expect.objectContaining({ name: 'blocking-sync', packageName: '@waitless/strategy-blocking-sync', profile: 'blocking' })]);
    expect(waitless.container.get<FetchStrategy>(FETCH_STRATEGY, { name: 'blocking-sync' })).toBeInstanceOf(BlockingSyncStrategy);
  });
});

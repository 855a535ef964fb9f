import { defineStrategyPlugin } from '@waitless/core/plugin';
import { NativeAsyncStrategy } from './native-async-strategy';

/** The `native-async` strategy. List `@waitless/strategy-native-async` in `plugins` to activate it. */
export const plugin = defineStrategyPlugin({
  name: 'native-async',
  packageName: '@waitless/strategy-native-async',
  description: 'Non-blocking requests on ky with keep-alive: calls overlap, the event loop stays free.',
  profile: 'concurrent',
  create: () => new NativeAsyncStrategy(),
});

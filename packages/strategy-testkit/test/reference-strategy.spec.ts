import { defineStrategyPlugin, fetchNetworkError, now, performCall, readLimitedBody, type FetchStrategy } from '@waitless/core/plugin';
import { describeConformance } from '../src';

// The smallest correct strategy: core's call skeleton around Node's global fetch. The kit must pass it,
// so a failure here is the kit's own bug, not a plugin's.
const referenceStrategy: FetchStrategy = {
  name: 'reference-fetch',
  fetch: (request, options) =>
    performCall(
      request,
      options,
      async (prepared, signal) => {
        // Redirects are performCall's to follow (up to maxRedirects), so the transport must not.
        const init = { method: prepared.method, headers: prepared.headers, body: prepared.body, signal, redirect: 'manual' } as const;
        const response = await fetch(prepared.url, init);
        const firstByteAt = now();
        const text = await readLimitedBody(response.body, prepared, response.headers.get('content-length'));
        return { status: response.status, headers: Object.fromEntries(response.headers), text, firstByteAt };
      },
      fetchNetworkError,
    ),
};

const definition = {
  name: 'reference-fetch',
  packageName: '@waitless/strategy-testkit',
  description: 'The kit checking itself.',
  profile: 'concurrent',
} as const;

describe('a plugin that creates its strategy synchronously', () => {
  describeConformance(defineStrategyPlugin({ ...definition, create: () => referenceStrategy }));
});

// A strategy that must connect first (a queue, a database) creates it asynchronously; the kit awaits it.
describe('a plugin that creates its strategy asynchronously', () => {
  describeConformance(defineStrategyPlugin({ ...definition, create: async () => referenceStrategy }));
});

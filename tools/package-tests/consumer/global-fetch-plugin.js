'use strict';
// A third-party strategy as it would be published from its own repository: plain JavaScript, `@waitless/core` as
// a peer dependency, its plugin definition exported as `plugin`. The consumer test packs it and installs the tarball.
const { defineStrategyPlugin, fetchNetworkError, now, performCall, readLimitedBody } = require('@waitless/core/plugin');

class GlobalFetchStrategy {
  name = 'global-fetch';

  fetch(request, options) {
    return performCall(request, options, (prepared, signal) => this.send(prepared, signal), fetchNetworkError);
  }

  async send(prepared, signal) {
    // Redirects are core's (performCall follows them up to maxRedirects), so the transport must not follow them.
    const init = { method: prepared.method, headers: prepared.headers, body: prepared.body, signal, redirect: 'manual' };
    const response = await fetch(prepared.url, init);
    const firstByteAt = now();
    const text = await readLimitedBody(response.body, prepared, response.headers.get('content-length'));
    return { status: response.status, headers: Object.fromEntries(response.headers), text, firstByteAt };
  }

  async close() {
    // Global fetch owns no pool of its own.
  }
}

exports.plugin = defineStrategyPlugin({
  name: 'global-fetch',
  packageName: 'waitless-strategy-global-fetch',
  description: "Node's global fetch, from a package published outside the Waitless repository.",
  profile: 'concurrent',
  create: () => new GlobalFetchStrategy(),
});

// @ts-check

// Cold-start scenario child. Unlike the other scenarios it runs under plain `node` (no tsx), on the
// built packages, the way an installed CLI or a serverless handler starts: load the runtime and one
// strategy plugin, gather `requests` GETs at once, close, exit. It prints `first` when the first result
// arrives and `done` when the gather resolves; the parent times both lines and the process exit from
// just before the spawn. (An ES module only so that its imports are static: the packages load as
// CommonJS all the same.)
import { createWaitless } from '@waitless/core';
import { gather } from '@waitless/concurrency';
import { pokemonUrl } from '@waitless/pokeapi';

/** @type {import('../scenario-protocol.js').ColdStartArgs} */
const args = JSON.parse(process.argv[2] ?? '');

const waitless = createWaitless({
  inline: {
    plugins: [args.plugin],
    strategies: args.strategy === 'worker-threaded' ? { [args.strategy]: { options: { poolSize: args.poolSize } } } : {},
  },
  strategy: args.strategy,
  env: {},
  resolvePaths: [import.meta.dirname],
});
const strategy = waitless.strategy();
const url = pokemonUrl(args.url, 25, { latency: args.latencyMs });
let first = true;
try {
  /** @param {AbortSignal} signal */
  const get = async (signal) => {
    const result = await strategy.fetch({ url }, { signal });
    if (result.status !== 200) throw new Error(`cold start: status ${result.status} for GET ${url}`);
    if (first) {
      first = false;
      process.stdout.write('first\n');
    }
  };
  await gather(
    Array.from({ length: args.requests }, () => get),
    { concurrency: args.requests },
  );
  process.stdout.write('done\n');
} finally {
  await waitless.close();
}

// @ts-check
'use strict';

// Cold-start scenario child. Unlike the other scenarios it runs under plain `node` (no tsx), on the
// built packages, the way an installed CLI or a serverless handler starts: load the runtime and one
// strategy plugin, gather `requests` GETs at once, close, exit. It prints `first` when the first result
// arrives and `done` when the gather resolves; the parent times both lines and the process exit from
// just before the spawn.

/** @param {string} message */
const skip = (message) => process.stdout.write(`${JSON.stringify({ skipped: message })}\n`);

/** @type {import('../scenario-protocol').ColdStartArgs} */
const args = JSON.parse(process.argv[2] ?? '');

/** The built packages, or undefined (after printing `{ skipped }`) when they are not built. */
function loadPackages() {
  try {
    return {
      createWaitless: require('@waitless/core').createWaitless,
      gather: require('@waitless/concurrency').gather,
      pokemonUrl: require('@waitless/pokeapi').pokemonUrl,
    };
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== 'MODULE_NOT_FOUND') throw error;
    const message = /** @type {Error} */ (error).message.split('\n')[0];
    skip(`the packages are not built (${message}); run \`npx nx run-many -t build\``);
    return undefined;
  }
}

async function main() {
  const packages = loadPackages();
  if (!packages) return;
  const { createWaitless, gather, pokemonUrl } = packages;
  const waitless = createWaitless({
    inline: {
      plugins: [args.plugin],
      strategies: args.strategy === 'worker-threaded' ? { [args.strategy]: { options: { poolSize: args.poolSize } } } : {},
    },
    strategy: args.strategy,
    env: {},
    resolvePaths: [__dirname],
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
    await gather(Array.from({ length: args.requests }, () => get), { concurrency: args.requests });
    process.stdout.write('done\n');
  } finally {
    await waitless.close();
  }
}

main().catch((/** @type {Error} */ error) => {
  console.error(`bench scenario cold-start: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});

'use strict';
// A CommonJS consumer: the same calls as consumer.mjs, through require.
const { createWaitless, isHttpError } = require('@waitless/core');

async function main() {
  const waitless = createWaitless();
  try {
    const results = {};
    for (const name of waitless.strategyNames()) {
      const strategy = await waitless.ready(name);
      const { status, body } = await strategy.fetch({ url: `${process.env.FIXTURE_URL}/api/v2/pokemon/25` });
      const missing = await strategy.fetch({ url: `${process.env.FIXTURE_URL}/api/v2/pokemon/99999` }).catch((error) => error);
      results[name] = { status, name: body.name, notFound: isHttpError(missing) ? missing.status : String(missing) };
    }
    const resolved = require.resolve('@waitless/core');
    console.log(JSON.stringify({ module: 'cjs', resolved, active: waitless.activeStrategy, results }));
  } finally {
    await waitless.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

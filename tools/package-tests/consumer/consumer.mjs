// An ES module consumer: named imports from the CommonJS build, config from waitless.config.json beside it.
import { createWaitless, isHttpError } from '@waitless/core';

const waitless = createWaitless();
try {
  const results = {};
  for (const name of waitless.strategyNames()) {
    const strategy = await waitless.ready(name);
    const { status, body } = await strategy.fetch({ url: `${process.env.FIXTURE_URL}/api/v2/pokemon/25` });
    const missing = await strategy.fetch({ url: `${process.env.FIXTURE_URL}/api/v2/pokemon/99999` }).catch((error) => error);
    results[name] = { status, name: body.name, notFound: isHttpError(missing) ? missing.status : String(missing) };
  }
  const resolved = import.meta.resolve('@waitless/core');
  console.log(JSON.stringify({ module: 'esm', resolved, active: waitless.activeStrategy, results }));
} finally {
  await waitless.close();
}

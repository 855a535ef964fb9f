import type { Command } from 'commander';
import { getPokemonName } from '@waitless/pokeapi';
import { renderTable } from '@waitless/text-table';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { HEALTH_CHECK_PATH, HEALTH_CHECKED_STRATEGY, healthCheckedPlugin } from '../health-checked-plugin';
import { RequestTally } from '../request-tally';
import { loadWaitless, openRuntime } from '../runtime';
import { latencyOption } from '../shared-options';
import { createStyle } from '../style';
import { formatMs } from '../timing';

interface FactoryOptions {
  latency: number;
}

/** `waitless factory`: strategies resolved by name, one of them created asynchronously. */
export function registerFactory(program: Command): void {
  program
    .command('factory')
    .description('Resolve every strategy by name from one factory, including one whose creation is async (awaited by ready()).')
    .addOption(latencyOption(100))
    .addHelpText(
      'after',
      `
The talk's factory creates strategies with await. Here createWaitless() is the factory (Inversify inside
core): strategy(name) hands out a strategy, and await ready(name) also waits for a plugin whose create()
returns a promise. This command registers one such plugin in code, "${HEALTH_CHECKED_STRATEGY}": it loads
native-async with import() and waits for a health check to answer before the strategy is handed out.

  const waitless = createWaitless({ strategyPlugins: [healthCheckedPlugin(baseUrl)] });
  const strategy = await waitless.ready('${HEALTH_CHECKED_STRATEGY}');   // Python: await factory.create(name)
${examples('waitless factory', 'waitless factory --latency 500')}`,
    )
    .action(commandAction<FactoryOptions>(runFactory));
}

async function runFactory({ options, globals, interrupt, out }: CommandRun<FactoryOptions>): Promise<ExitCodeValue> {
  const runtime = await openRuntime(globals, { latencyMs: options.latency });
  // A second runtime on the same server: the in-code plugin needs the server's URL, known only now.
  const waitless = loadWaitless(globals, { strategyPlugins: [healthCheckedPlugin(runtime.baseUrl)] });
  const style = createStyle(out);
  const tally = new RequestTally();
  try {
    const rows: string[][] = [];
    for (const { name } of waitless.descriptors()) {
      if (interrupt.interrupted) break;
      const asked = performance.now();
      const strategy = await tally.settle(() => waitless.ready(name));
      const readyMs = performance.now() - asked;
      if (strategy === undefined) {
        rows.push([name, formatMs(readyMs), 'could not start']);
        continue;
      }
      const sent = performance.now();
      const pokemon = await tally.settle(() => getPokemonName(25, strategy, { baseUrl: runtime.baseUrl, signal: interrupt.signal }));
      rows.push([name, formatMs(readyMs), `${pokemon ?? 'failed'} in ${formatMs(performance.now() - sent)}`]);
    }
    out.write(`${style.bold('factory')}: every strategy by name from one createWaitless(), awaited with ready(name)\n\n`);
    out.write(
      renderTable([{ header: 'strategy' }, { header: 'ready after', align: 'right' }, { header: 'first request (with start-up)' }], rows) +
        '\n\n',
    );
    out.write(
      style.dim(
        `${HEALTH_CHECKED_STRATEGY}'s create() is async: ready() resolved only after it awaited ` +
          `import('@waitless/strategy-native-async')\nand a health check (GET ${HEALTH_CHECK_PATH}). ` +
          'The others are created synchronously, so ready() resolves at once.\n' +
          "Python's equivalent: strategy = await factory.create(name).",
      ) + '\n',
    );
    if (interrupt.interrupted) {
      out.write(`${style.yellow('interrupted')}: the demo was stopped by Ctrl-C.\n`);
      return ExitCode.interrupted;
    }
    if (tally.failed > 0) out.write(`${style.red('failed')}: ${tally.failureSummary()}\n`);
    return tally.exitCode();
  } finally {
    await Promise.allSettled([waitless.close(), runtime.close()]);
  }
}

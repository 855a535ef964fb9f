import type { Command } from 'commander';
import type { WaitlessRuntime } from '@waitless/core';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { loadWaitless } from '../runtime';
import { createStyle } from '../style';
import { renderTable } from '@waitless/text-table';

/** `waitless strategies`: what is registered, which one is active and why. */
export function registerStrategies(program: Command): void {
  program
    .command('strategies')
    .description('List the registered strategies, mark the active one and say where it was chosen.')
    .addHelpText(
      'after',
      `
The active strategy comes from, highest first: --strategy, the WAITLESS_STRATEGY environment variable,
"strategy" in waitless.config.json, or the first registered plugin. The plugins are the config file's
"plugins" list, or the CLI's three built-in ones when it has none.
${examples(
  'waitless strategies',
  'WAITLESS_STRATEGY=worker-threaded waitless strategies',
  'waitless --config ./my.config.json strategies',
)}`,
    )
    .action(commandAction<object>(runStrategies));
}

async function runStrategies({ globals, out }: CommandRun<object>): Promise<ExitCodeValue> {
  const waitless = loadWaitless(globals);
  try {
    const style = createStyle(out);
    const rows = waitless
      .descriptors()
      .map((d) => [d.name === waitless.activeStrategy.name ? '*' : '', d.name, d.packageName, d.profile, d.description]);
    const table = renderTable(
      [{ header: '' }, { header: 'strategy' }, { header: 'package' }, { header: 'profile' }, { header: 'description' }],
      rows,
    );
    const pluginsFrom = waitless.config.config.plugins
      ? `"plugins" in ${waitless.config.source}`
      : 'the CLI built-ins (the config lists no "plugins")';
    out.write(`${table}\n\n`);
    out.write(`${style.bold(`* active: ${waitless.activeStrategy.name}`)}, chosen by ${describeSource(waitless)}\n`);
    out.write(style.dim(`plugins from ${pluginsFrom}`) + '\n');
    return ExitCode.ok;
  } finally {
    await waitless.close();
  }
}

/** Where the active strategy was chosen, in words a user can act on. */
function describeSource({ activeStrategy, config }: WaitlessRuntime): string {
  switch (activeStrategy.source) {
    case 'flag':
      return 'the --strategy flag';
    case 'env':
      return 'the environment variable WAITLESS_STRATEGY';
    case 'config':
      return `the config file ${config.configPath ?? config.source} ("strategy")`;
    case 'default':
      return 'default (the first registered plugin; set "strategy" in waitless.config.json, WAITLESS_STRATEGY or --strategy to change it)';
  }
}

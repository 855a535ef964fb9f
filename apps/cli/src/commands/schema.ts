import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { loadWaitless } from '../runtime';

/** `waitless schema [file]`: the JSON Schema of waitless.config.json for the plugins this config loads. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print (or write to [file]) the JSON Schema of waitless.config.json, with the loaded plugins and decorators.')
    .argument('[file]', 'write the schema here instead of stdout')
    .addHelpText(
      'after',
      `
Point "$schema" in waitless.config.json at the result so editors complete and check it. @waitless/core ships
the schema for the built-in plugins as @waitless/core/waitless.config.schema.json; regenerate it from the
repository root with: npm run waitless -- schema packages/core/waitless.config.schema.json
${examples('waitless schema', 'waitless --config ./my.config.json schema my.schema.json')}`,
    )
    .action(commandAction<object>(runSchema));
}

async function runSchema({ globals, args, out }: CommandRun<object>): Promise<ExitCodeValue> {
  const waitless = loadWaitless(globals);
  try {
    const text = `${JSON.stringify(waitless.configJsonSchema(), null, 2)}\n`;
    if (args[0]) writeFileSync(args[0], text);
    else out.write(text);
    return ExitCode.ok;
  } finally {
    await waitless.close();
  }
}

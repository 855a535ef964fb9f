import { Command } from 'commander';
import { registerCompare } from './commands/compare';
import { registerFixture } from './commands/fixture';
import { registerNames } from './commands/names';
import { registerPipeline } from './commands/pipeline';
import { registerStarve } from './commands/starve';
import { registerStrategies } from './commands/strategies';
import { examples } from './command-context';
import { httpUrl } from './option-parsers';

/**
 * The `waitless` command line, ready for `parseAsync`. Usage errors throw `CommanderError`
 * (`exitOverride`) so `main` maps them to exit code 2.
 * @example await createProgram().parseAsync(['node', 'waitless', 'compare', '--json']);
 */
export function createProgram(): Command {
  const program = new Command('waitless')
    .description('Stop waiting on I/O one request at a time: run the same requests on interchangeable fetch strategies and compare them.')
    .option('--strategy <name>', 'strategy to use (wins over WAITLESS_STRATEGY and the config file)')
    .option('--config <file>', 'config file (default: WAITLESS_CONFIG, else waitless.config.json searched upwards)')
    .option('--base-url <url>', 'a PokeAPI-compatible server (default: an embedded fixture server on a free 127.0.0.1 port)', httpUrl)
    .option('--verbose', 'say where requests go and print stack traces on errors')
    // Settings below are inherited by every command registered afterwards.
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Exit codes: 0 all requests ok, 1 some requests failed, 2 usage or config error, 130 interrupted (Ctrl-C).
${examples(
  'waitless compare',
  'waitless names --count 20 --mode gather',
  'waitless starve --strategy blocking-sync',
  'waitless strategies',
  'waitless <command> --help',
)}`,
    );
  registerNames(program);
  registerCompare(program);
  registerStarve(program);
  registerPipeline(program);
  registerStrategies(program);
  registerFixture(program);
  return program;
}

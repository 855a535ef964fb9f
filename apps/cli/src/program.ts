import { Command } from 'commander';
import { registerCompare } from './commands/compare';
import { registerFactory } from './commands/factory';
import { registerFixture } from './commands/fixture';
import { registerNames } from './commands/names';
import { registerPipeline } from './commands/pipeline';
import { registerSchema } from './commands/schema';
import { registerStarve } from './commands/starve';
import { registerStrategies } from './commands/strategies';
import { registerWorker } from './commands/worker';
import { examples } from './command-context';
import { httpUrl } from './option-parsers';
import { registerTraceOption } from './trace-file';

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
  'waitless compare --pool-size 6,20',
  'waitless names --count 20 --mode gather',
  'waitless starve --strategy blocking-sync',
  'waitless factory',
  'waitless strategies',
  'waitless <command> --help',
)}`,
    );
  registerTraceOption(program);
  registerNames(program);
  registerCompare(program);
  registerStarve(program);
  registerFactory(program);
  registerPipeline(program);
  registerStrategies(program);
  registerSchema(program);
  registerFixture(program);
  registerWorker(program);
  return program;
}

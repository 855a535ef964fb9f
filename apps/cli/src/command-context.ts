import type { Command } from 'commander';
import type { ExitCodeValue } from './exit-codes';
import type { GlobalOptions } from './global-options';
import { watchInterrupt, type Interrupt } from './interrupt';

/** What a command's body receives: its own options, the global ones, and Ctrl-C handling. */
export interface CommandRun<O> {
  options: O;
  globals: GlobalOptions;
  interrupt: Interrupt;
  out: NodeJS.WriteStream;
  /** Positional arguments, e.g. the pipeline file. */
  args: string[];
}

/**
 * Wraps a command body for commander's `.action()`: installs the Ctrl-C handler, sets `process.exitCode`
 * to the body's result (a body that was interrupted returns 130) and removes the handler afterwards.
 * Errors propagate to `main`, which prints one line and picks the exit code.
 * @example program.command('names').action(commandAction<NamesOptions>(runNames));
 */
export function commandAction<O>(body: (run: CommandRun<O>) => Promise<ExitCodeValue>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const interrupt = watchInterrupt();
    try {
      const code = await body({
        options: command.opts<O & object>(),
        globals: command.optsWithGlobals<GlobalOptions>(),
        interrupt,
        out: process.stdout,
        args: command.args,
      });
      process.exitCode = code;
    } finally {
      interrupt.dispose();
    }
  };
}

/** Help text that ends every command's `--help` with examples. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

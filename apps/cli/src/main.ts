import { CommanderError } from 'commander';
import { describeError, exitCodeFor } from './exit-codes';
import { createProgram } from './program';

// If a stray handle (a socket, a timer) outlived the command, exit anyway after this long.
const EXIT_GRACE_MS = 2_000;

async function main(argv: readonly string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    // Commander has already printed its own one-line message (or the help).
    if (!(error instanceof CommanderError)) {
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true || argv.includes('--verbose');
      process.stderr.write(`${describeError(error, verbose)}\n`);
    }
    process.exitCode = exitCodeFor(error);
  }
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
}

// `waitless strategies | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv);

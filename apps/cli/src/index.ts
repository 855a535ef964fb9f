export { createProgram } from './program';
export { ExitCode, exitCodeFor, describeError, type ExitCodeValue } from './exit-codes';
export { BUILTIN_PLUGINS } from './builtin-plugins';
export type { CompareResult } from './commands/compare';

import { parseArgs } from 'node:util';
import { SECTIONS, type Section } from './bench-plan';

/** What `npm run bench -- …` asked for. */
export interface BenchArgs {
  json: boolean;
  quick: boolean;
  sections: Section[];
  /** Where to write the seed chart; undefined means the default for the mode (see {@link parseBenchArgs}). */
  svgPath: string | undefined;
  noSvg: boolean;
  /** Print stack traces of failures. */
  verbose: boolean;
  help: boolean;
}

/** The `--help` text. */
export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--only ${SECTIONS.join(',')}] [--svg PATH | --no-svg]
Runs every scenario against the fixture server, each client in its own child process.
  --quick      small counts; the whole run takes under a minute on 2 cores
  --json       print one JSON object on stdout instead of the tables (progress stays on stderr)
  --only LIST  run only these sections, comma-separated
  --svg PATH   write the seed chart here (default: docs/benchmarks-seed.svg on a full run, none with --quick)
  --no-svg     write no chart
  --verbose    print stack traces of failures`;

/** Thrown for a command line the bench cannot run; main prints its message and the usage. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

/** Parses the bench's command line, naming the bad flag or section in the error. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean' },
        quick: { type: 'boolean' },
        only: { type: 'string' },
        svg: { type: 'string' },
        'no-svg': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  let sections: Section[] = [...SECTIONS];
  if (values.only !== undefined) {
    const asked = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (asked.length === 0 || unknown.length > 0) {
      throw new BenchUsageError(`Unknown section in --only "${values.only}". Sections: ${SECTIONS.join(', ')}.`);
    }
    sections = SECTIONS.filter((s) => asked.includes(s));
  }
  if (values.svg !== undefined && values['no-svg']) throw new BenchUsageError('Pass either --svg PATH or --no-svg, not both.');
  return {
    json: values.json === true,
    quick: values.quick === true,
    sections,
    svgPath: values.svg,
    noSvg: values['no-svg'] === true,
    verbose: values.verbose === true,
    help: values.help === true,
  };
}

import { parseArgs } from 'node:util';
import { SECTIONS, type Section } from './bench-plan';
import { CLIENT_LABELS, type ClientName } from './scenario-protocol';

const CLIENT_NAMES = Object.keys(CLIENT_LABELS) as ClientName[];

/** What `npm run bench -- …` asked for. */
export interface BenchArgs {
  json: boolean;
  quick: boolean;
  sections: Section[];
  /** Only these clients in every section (the seed baseline always runs); undefined: all of them. */
  clients: ClientName[] | undefined;
  /** Where to write the seed chart; undefined means the default for the mode (see {@link parseBenchArgs}). */
  svgPath: string | undefined;
  noSvg: boolean;
  /** Print stack traces of failures. */
  verbose: boolean;
  help: boolean;
}

/** The `--help` text. */
export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--only SECTIONS] [--clients CLIENTS] [--svg PATH | --no-svg]
Runs every scenario against the fixture server, each client in its own child process.
  --quick         small counts; the whole run takes a few minutes on 2 cores
  --json          print one JSON object on stdout instead of the tables (progress stays on stderr)
  --only LIST     run only these sections, comma-separated: ${SECTIONS.join(', ')}
  --clients LIST  run only these clients, comma-separated:
                  ${CLIENT_NAMES.join(', ')}
  --svg PATH      write the seed chart here (default: docs/benchmarks-seed.svg on a full run, none with --quick)
  --no-svg        write no chart
  --verbose       print stack traces of failures`;

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
        clients: { type: 'string' },
        svg: { type: 'string' },
        'no-svg': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const sections = values.only === undefined ? [...SECTIONS] : pickFrom(SECTIONS, values.only, '--only', 'Sections');
  const clients = values.clients === undefined ? undefined : pickFrom(CLIENT_NAMES, values.clients, '--clients', 'Clients');
  if (values.svg !== undefined && values['no-svg']) throw new BenchUsageError('Pass either --svg PATH or --no-svg, not both.');
  return {
    json: values.json === true,
    quick: values.quick === true,
    sections,
    clients,
    svgPath: values.svg,
    noSvg: values['no-svg'] === true,
    verbose: values.verbose === true,
    help: values.help === true,
  };
}

/** The names of `all` listed in `list` (comma-separated), in `all`'s order; names the unknown ones. */
function pickFrom<T extends string>(all: readonly T[], list: string, flag: string, what: string): T[] {
  const asked = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((s) => !(all as readonly string[]).includes(s));
  if (asked.length === 0 || unknown.length > 0) {
    const noun = flag === '--only' ? 'section' : 'client';
    throw new BenchUsageError(`Unknown ${noun} in ${flag} "${list}". ${what}: ${all.join(', ')}.`);
  }
  return all.filter((s) => asked.includes(s));
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBenchArgs } from './bench-args';

// docs/benchmarks.md shows bench commands; running them all would take ten minutes, so this checks
// that every flag they pass is one the bench accepts (a renamed flag fails here, not for a reader).
const DOCS = path.resolve(__dirname, '../../../docs/benchmarks.md');

describe('docs/benchmarks.md commands', () => {
  const commands = readFileSync(DOCS, 'utf8')
    .split('\n')
    // Without the trailing "# comment".
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(npm run (-s )?bench|npx nx run bench:bench|npx tsx apps\/bench\/src\/main\.ts)\b/.test(line));

  it('shows the ways to run the bench', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  it.each(commands)('%s: passes only flags the bench knows', (command) => {
    expect(() => parseBenchArgs(flagsOf(command))).not.toThrow();
  });
});

/** The words a command hands to the bench: after `--` (npm, nx) or after main.ts, up to a pipe or redirect. */
function flagsOf(command: string): string[] {
  const words = command.split(/\s+/);
  const start = words.includes('--') ? words.indexOf('--') + 1 : words.indexOf('apps/bench/src/main.ts') + 1;
  if (start === 0) return [];
  const rest = words.slice(start);
  const end = rest.findIndex((word) => word === '|' || /^\d?>/.test(word));
  return end === -1 ? rest : rest.slice(0, end);
}

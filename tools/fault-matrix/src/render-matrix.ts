import type { CellOutcome } from './faults';

/** One row of the published table: a fault, each column's outcome, and the CLI's exit code. */
export interface MatrixRow {
  label: string;
  cells: CellOutcome[];
  cliExit: number;
}

/** `3 ok`, `3 × TimeoutError`, or `1 ok, 2 × HttpError 503`. */
export function describeOutcome({ ok, failed, error }: CellOutcome): string {
  const failures = failed > 0 ? `${failed} × ${error ?? 'mixed errors'}` : '';
  if (ok === 0 && failures) return failures;
  return failures ? `${ok} ok, ${failures}` : `${ok} ok`;
}

/** The matrix as a Markdown table: one row per fault, one column per strategy and decorator setting, then the CLI. */
export function renderMatrix(columns: readonly string[], rows: readonly MatrixRow[]): string {
  const header = ['Fault', ...columns, 'CLI exit'];
  const lines = [
    header,
    header.map(() => '---'),
    ...rows.map((row) => [row.label, ...row.cells.map(describeOutcome), String(row.cliExit)]),
  ];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** `page` with the text between the fault-matrix markers replaced by `table`. */
export function withMatrix(page: string, table: string): string {
  const start = '<!-- fault-matrix:start -->';
  const end = '<!-- fault-matrix:end -->';
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from === -1 || to < from)
    throw new Error(`docs/reliability.md has lost its ${start} … ${end} markers; put them back around the table.`);
  return `${page.slice(0, from + start.length)}\n${table}\n${page.slice(to)}`;
}

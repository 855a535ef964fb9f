/** One column of a {@link renderTable} table. */
export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** How the rule under the header is drawn: `-` is safe everywhere, `─` reads better on a UTF-8 terminal. */
export interface TableStyle {
  rule?: string;
}

/**
 * Renders rows as a plain-text table with a header and a rule; cells are padded to the widest entry.
 * @example renderTable([{ header: 'strategy' }, { header: 'ms', align: 'right' }], [['native-async', '104']])
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle = {}): string {
  const rule = style.rule ?? '-';
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => (column.align === 'right' ? (cells[i] ?? '').padStart(widths[i]) : (cells[i] ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => rule.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

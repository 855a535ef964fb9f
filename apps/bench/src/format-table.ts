/** A column of {@link formatTable}: its header and whether numbers line up on the right. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Renders rows as a plain-text table with a header rule, padding each column to its widest cell.
 * @example formatTable([{ header: 'name' }, { header: 'ms', align: 'right' }], [['fetch', '12.5']])
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

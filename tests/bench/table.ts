export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** A markdown table whose columns are padded to line up in a terminal as well. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, 3, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    '| ' +
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        return column.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join(' | ') +
    ' |';
  const rule =
    '|' +
    columns
      .map((column, i) =>
        column.align === 'right' ? '-'.repeat(widths[i]! + 1) + ':' : '-'.repeat(widths[i]! + 2),
      )
      .join('|') +
    '|';
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

/** Fixed decimals, with a dash for "not measured". */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A whole number with thousands separators, with a dash for "not measured". */
export function thousands(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

/** `value / reference` as "1.23×", with a dash when either is missing. */
export function ratio(value: number, reference: number): string {
  const r = value / reference;
  return Number.isFinite(r) ? `${fixed(r, 2)}×` : '–';
}

/** Most values kept from one list cell. */
const LIST_CELL_MAX_VALUES = 50;
/** Longest value kept from one list cell, in characters. */
const LIST_VALUE_MAX_LENGTH = 80;

/**
 * Splits a list cell (technologies…) on `separator`: values are trimmed, inner whitespace
 * collapsed, empties dropped and duplicates removed ignoring case (the first spelling stays). Keeps
 * at most 50 values, each cut to 80 characters. An empty separator keeps the cell as one value.
 */
export function splitListCell(cell: string, separator: string): string[] {
  const parts = separator === '' ? [cell] : cell.split(separator);
  const seen = new Set<string>();
  const values: string[] = [];
  for (const part of parts) {
    const collapsed = part.replace(/\s+/g, ' ').trim();
    const value = Array.from(collapsed).slice(0, LIST_VALUE_MAX_LENGTH).join('').trimEnd();
    if (!value) continue;
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    values.push(value);
    if (values.length === LIST_CELL_MAX_VALUES) break;
  }
  return values;
}

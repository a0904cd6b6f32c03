import { parse } from 'csv-parse/sync';
import {
  DATASET_LIMITS,
  defaultTechnologySeparator,
  detectEncoding,
  sniffDelimiter,
  suggestMapping,
  type DatasetMapping,
  type TextEncodingName,
} from '@bullseye/shared';
import { decodeWindows1252 } from './windows1252.js';

/** How a file is written: what the import reads it with, found from its first bytes. */
export interface FileDialect {
  encoding: TextEncodingName;
  /** Bytes to skip at the start (a UTF-8 byte-order mark). */
  skip: number;
  encodingNotice: string | null;
  delimiter: string;
  /**
   * Numbers are written with a decimal comma (`1.234,56`; semicolon files, or such numbers in the
   * first rows): then `3.035` is three thousand and thirty-five, not three.
   */
  decimalComma?: boolean;
  headers: string[];
  preview: string[][];
}

/** Bytes read to detect the dialect and show the preview. */
export const HEAD_BYTES = 256 * 1024;
const PREVIEW_ROWS = 5;

/** A file that cannot be imported at all, with the reason in words. */
export class UnreadableFileError extends Error {}

/**
 * Reads the head of an uploaded file: encoding (UTF-8 with or without BOM, else Latin-1 with a
 * notice; UTF-16 is refused with what to do), delimiter, header (blank or repeated names made
 * unique) and the first rows; then suggests a mapping from the usual HubSpot and Salesforce names.
 */
export function inspectFile(
  head: Buffer,
  complete: boolean,
): { dialect: FileDialect; mapping: DatasetMapping } {
  const detected = detectEncoding(head, complete);
  const skip = detected.bom ? 3 : 0;
  let text =
    detected.encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(head.subarray(skip))
      : decodeWindows1252(head.subarray(skip));
  if (!complete) {
    // The head ends mid-record: keep whole lines only.
    const end = text.lastIndexOf('\n');
    if (end > 0) text = text.slice(0, end + 1);
  }
  if (text.trim() === '') throw new UnreadableFileError('The file is empty: it has no header row.');
  const delimiter = sniffDelimiter(text);
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    to: PREVIEW_ROWS + 1,
  }) as string[][];
  const [rawHeaders, ...preview] = records;
  if (!rawHeaders || rawHeaders.every((h) => h.trim() === '')) {
    throw new UnreadableFileError('The first line has no column names. Export the file with a header row.');
  }
  if (rawHeaders.length > DATASET_LIMITS.maxColumns) {
    throw new UnreadableFileError(
      `The file has ${rawHeaders.length} columns; at most ${DATASET_LIMITS.maxColumns} can be imported.`,
    );
  }
  const headers = uniqueHeaders(rawHeaders);
  const columns = suggestMapping(headers);
  const techPosition = columns.technologies === undefined ? -1 : headers.indexOf(columns.technologies);
  const technologySeparator =
    techPosition >= 0 ? defaultTechnologySeparator(preview.map((r) => r[techPosition] ?? '')) : ';';
  return {
    dialect: {
      encoding: detected.encoding,
      skip,
      encodingNotice: detected.notice,
      delimiter,
      decimalComma:
        delimiter === ';' ||
        preview.some((r) => r.some((cell) => /^[^\d]{0,4}\d{1,3}(\.\d{3})*,\d{1,2}\b/.test(cell.trim()))),
      headers,
      preview: preview.map((r) => r.map((cell) => (cell.length > 200 ? `${cell.slice(0, 200)}…` : cell))),
    },
    mapping: { columns, ignored: [], defaultCurrency: 'USD', technologySeparator },
  };
}

/** Trimmed headers; blanks become "Column 3", repeats "Name (2)". */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, i) => {
    const base = header.trim().slice(0, 200) || `Column ${i + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

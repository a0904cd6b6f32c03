import fs from 'node:fs';
import { once } from 'node:events';
import { parse, type Options } from 'csv-parse';
import { sampleAccounts, sampleCsvLines } from '@bullseye/shared';

/** Seed of the generated accounts: the same file on every run. */
export const CSV_SEED = 42;
/** Text written per `write` call while generating: the file is never held whole. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes `rows` generated accounts as a HubSpot company export (`sampleCsvLines(sampleAccounts(rows),
 * 'hubspot')`, CRLF line ends) to `file`, streamed: at most about 1 MiB of text is held at a time,
 * with the stream's backpressure respected. Returns the file's size in bytes.
 */
export async function writeSampleCsv(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  // A write error would otherwise be an unhandled rejection if it came between awaits.
  failed.catch(() => {});
  let text = '';
  for (const line of sampleCsvLines(sampleAccounts(rows, CSV_SEED), 'hubspot')) {
    text += `${line}\r\n`;
    if (text.length < WRITE_CHUNK_CHARS) continue;
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
    text = '';
  }
  out.end(text);
  await Promise.race([once(out, 'finish'), failed]);
  return fs.statSync(file).size;
}

/**
 * csv-parse as the server's import job configures it (server/src/datasets/importRunner.ts: comma,
 * UTF-8, ragged rows allowed and skipped on error, 1,000,000-character records, `info` for line
 * numbers), without anything after it: no UTF-8 check, no typing, no storing.
 */
export const SERVER_PARSE_OPTIONS: Options = {
  delimiter: ',',
  encoding: 'utf8',
  relax_column_count: true,
  skip_records_with_error: true,
  max_record_size: 1_000_000,
  info: true,
};

/** Parses `file` with csv-parse alone in this process, streamed; returns data rows and the time. */
export async function parseOnly(file: string): Promise<{ rows: number; ms: number }> {
  const startedAt = performance.now();
  const source = fs.createReadStream(file);
  const parser = parse(SERVER_PARSE_OPTIONS);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let records = 0;
  try {
    for await (const _record of parser) records++;
  } finally {
    source.destroy();
  }
  return { rows: Math.max(0, records - 1), ms: performance.now() - startedAt };
}

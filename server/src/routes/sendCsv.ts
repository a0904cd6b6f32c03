import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { attachmentDisposition } from '../presenters/export.js';

/**
 * Streams CSV lines as a download. The first chunk (the header) is produced before anything is
 * sent, so a refusal there (a stale scoring, a dataset not ready) is still a proper error answer;
 * after that the lines are piped with back-pressure, and a client that goes away mid-download ends
 * the generator (nothing waits for a `drain` that never comes).
 */
export async function sendCsv(res: Response, fileName: string, lines: AsyncGenerator<string>): Promise<void> {
  const first = await lines.next();
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachmentDisposition(fileName));
  // A byte-order mark, so spreadsheet programs read the file as UTF-8.
  res.write('\ufeff');
  if (!first.done) res.write(first.value);
  try {
    await pipeline(Readable.from(lines), res);
  } catch (error) {
    // Either way the response and the generator are closed by now. A client that went away is
    // normal; a read that failed mid-way cuts the download short (headers are sent) and is logged.
    if ((error as { code?: unknown }).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      console.error('a CSV download failed mid-way', error);
    }
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** Thrown when an upload chunk would exceed what the import announced or the per-request limit. */
export class ChunkTooLargeError extends Error {}

/**
 * Uploaded files wait here (`<DATA_DIR>/imports/<import id>.csv`) between the upload and the import,
 * so an interrupted upload resumes where it stopped and a restarted server can run the import again.
 * A file is written only by appending at its current end and removed when its import ends.
 */
export class ImportFiles {
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  pathOf(importId: string): string {
    return path.join(this.dir, `${importId}.csv`);
  }

  /** Bytes held for the import (0 when none). */
  size(importId: string): number {
    try {
      return fs.statSync(this.pathOf(importId)).size;
    } catch {
      return 0;
    }
  }

  /**
   * Appends a request body at `offset` (the current end), refusing more than `maxBytes`. A failed or
   * refused chunk is cut off again, so the file only ever holds whole chunks.
   */
  async append(importId: string, offset: number, body: Readable, maxBytes: number): Promise<number> {
    const file = this.pathOf(importId);
    let written = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > maxBytes) callback(new ChunkTooLargeError(`more than ${maxBytes} bytes`));
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(body, limit, fs.createWriteStream(file, { flags: 'a' }));
    } catch (error) {
      fs.truncateSync(file, offset);
      throw error;
    }
    return offset + written;
  }

  /** Cuts the file back to `bytes` (bytes whose receipt was never recorded). */
  truncate(importId: string, bytes: number): void {
    fs.truncateSync(this.pathOf(importId), bytes);
  }

  /** The first `bytes` of the file. */
  head(importId: string, bytes: number): Buffer {
    const fd = fs.openSync(this.pathOf(importId), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const read = fs.readSync(fd, buffer, 0, bytes, 0);
      return buffer.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  }

  read(importId: string, start: number): fs.ReadStream {
    // 64 KiB at a time: csv-parse turns a chunk into records in one go, so a chunk bounds how long
    // the import holds the event loop (a few hundred rows) between its writes.
    return fs.createReadStream(this.pathOf(importId), { start, highWaterMark: 64 * 1024 });
  }

  remove(importId: string): void {
    fs.rmSync(this.pathOf(importId), { force: true });
  }

  /** Writes a whole file from lines (the sample dataset), streaming. */
  async writeLines(importId: string, lines: Iterable<string>): Promise<number> {
    const file = this.pathOf(importId);
    const out = fs.createWriteStream(file);
    for (const line of lines) {
      if (!out.write(`${line}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return fs.statSync(file).size;
  }
}

/** The encodings a CSV upload is read in. `latin1` means Windows-1252, as browsers decode it. */
export type TextEncodingName = 'utf-8' | 'latin1';

/** How to decode an upload, whether to skip a byte order mark, and what to tell the uploader. */
export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** The bytes start with the UTF-8 byte order mark (EF BB BF), which is not part of the text. */
  bom: boolean;
  /** A sentence for the uploader when the guess deserves a check, else null. */
  notice: string | null;
}

/** The upload cannot be read: its encoding is one Bullseye does not decode. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

const UTF16_MESSAGE =
  'This file is UTF-16. Export it again as CSV UTF-8 (Excel: "CSV UTF-8 (Comma delimited)").';
const LATIN1_NOTICE =
  'This file is not UTF-8; it was read as Latin-1 (Windows-1252). Check accented names in the preview.';

/**
 * Tells how to decode a CSV upload from its first bytes (`head`; `complete` when they are the
 * whole file): a UTF-8 byte order mark or valid UTF-8 is UTF-8, anything else is read as Latin-1
 * with a notice. When `head` is only a sample, a multi-byte character cut at its very end is
 * allowed. Throws EncodingError for UTF-16 (byte order mark FF FE or FE FF).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, notice: null };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new EncodingError(UTF16_MESSAGE);
  }
  if (isUtf8(head, complete)) return { encoding: 'utf-8', bom: false, notice: null };
  return { encoding: 'latin1', bom: false, notice: LATIN1_NOTICE };
}

/**
 * Whether `bytes` are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF). A sequence cut by the end of `bytes` passes when `complete` is false
 * and the bytes present are a valid start.
 */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // The allowed range of the second byte; later continuation bytes are always 80–BF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return false;

    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return !complete;
      const byte = bytes[i + k]!;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

import { Transform } from 'node:stream';

/**
 * Windows-1252 (what Excel writes as "CSV" on Western Windows, and what browsers mean by Latin-1):
 * ISO-8859-1 except 0x80–0x9F, which hold €, ‚, „, …, ’, “, ”, – and friends. Node's `latin1` is
 * ISO-8859-1, so those bytes are mapped here (undefined bytes stay as their C1 code points).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/[\u0080-\u009f]/.test(out)) {
    out = out.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!));
  }
  return out;
}

/** Bytes in, Windows-1252 text out (one byte is one character, so chunks never split one). */
export function windows1252Decoder(): Transform {
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decodeWindows1252(chunk));
    },
  });
}

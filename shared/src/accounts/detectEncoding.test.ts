import { describe, expect, it } from 'vitest';
import { EncodingError, detectEncoding } from './detectEncoding.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const LATIN1 = {
  encoding: 'latin1',
  bom: false,
  notice:
    'This file is not UTF-8; it was read as Latin-1 (Windows-1252). Check accented names in the preview.',
};
const UTF8 = { encoding: 'utf-8', bom: false, notice: null };

describe('detectEncoding', () => {
  it('reads a UTF-8 byte order mark', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62), true)).toEqual({
      encoding: 'utf-8',
      bom: true,
      notice: null,
    });
  });

  it('refuses UTF-16 in both byte orders', () => {
    const message =
      'This file is UTF-16. Export it again as CSV UTF-8 (Excel: "CSV UTF-8 (Comma delimited)").';
    for (const head of [bytes(0xff, 0xfe, 0x61, 0x00), bytes(0xfe, 0xff, 0x00, 0x61)]) {
      expect(() => detectEncoding(head, true)).toThrow(EncodingError);
      expect(() => detectEncoding(head, false)).toThrow(message);
    }
    let thrown: unknown;
    try {
      detectEncoding(bytes(0xff, 0xfe), true);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('EncodingError');
  });

  it.each([
    ['empty', new Uint8Array()],
    ['ASCII', utf8('Name,Domain\nAcme,acme.com\n')],
    ['accents', utf8('Café,Société Générale,Zürich')],
    ['CJK and emoji', utf8('株式会社,😀,€')],
    ['the largest code point', bytes(0xf4, 0x8f, 0xbf, 0xbf)],
  ])('reads %s as UTF-8', (_label, head) => {
    expect(detectEncoding(head, true)).toEqual(UTF8);
    expect(detectEncoding(head, false)).toEqual(UTF8);
  });

  it('reads Latin-1 bytes as Latin-1 with a notice', () => {
    // 'Café' in Latin-1.
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9), true)).toEqual(LATIN1);
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9, 0x2c, 0x61), false)).toEqual(LATIN1);
    // Windows-1252 curly quotes and euro sign.
    expect(detectEncoding(bytes(0x93, 0x41, 0x94, 0x80), true)).toEqual(LATIN1);
  });

  it('allows a character cut at the end of a sample, not at the end of the file', () => {
    const euro = utf8('Price €'); // € is E2 82 AC
    for (const cut of [1, 2]) {
      const head = euro.slice(0, euro.length - cut);
      expect(detectEncoding(head, false)).toEqual(UTF8);
      expect(detectEncoding(head, true)).toEqual(LATIN1);
    }
    const emoji = utf8('ok 😀'); // F0 9F 98 80
    for (const cut of [1, 2, 3]) {
      expect(detectEncoding(emoji.slice(0, emoji.length - cut), false)).toEqual(UTF8);
      expect(detectEncoding(emoji.slice(0, emoji.length - cut), true)).toEqual(LATIN1);
    }
  });

  it('does not excuse a cut sequence that is already invalid', () => {
    // E0 80 can only start an overlong form; F4 90 is above U+10FFFF; ED A0 is a surrogate.
    expect(detectEncoding(bytes(0x61, 0xe0, 0x80), false)).toEqual(LATIN1);
    expect(detectEncoding(bytes(0x61, 0xf4, 0x90), false)).toEqual(LATIN1);
    expect(detectEncoding(bytes(0x61, 0xed, 0xa0), false)).toEqual(LATIN1);
    // A lone continuation byte is not a cut character.
    expect(detectEncoding(bytes(0x61, 0x80), false)).toEqual(LATIN1);
    // A cut sequence in the middle is not at the end.
    expect(detectEncoding(bytes(0xe2, 0x82, 0x61), false)).toEqual(LATIN1);
  });

  it.each([
    ['overlong slash (C0 AF)', [0xc0, 0xaf]],
    ['overlong 2-byte lead C1', [0xc1, 0xbf]],
    ['overlong 3-byte (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['overlong 4-byte (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf]],
    ['surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
    ['lead byte F5', [0xf5, 0x80, 0x80, 0x80]],
    ['lead byte FF', [0xff]],
    ['missing continuation', [0xc3, 0x41]],
  ])('rejects %s as UTF-8', (_label, values) => {
    expect(detectEncoding(bytes(0x61, ...values, 0x62), true)).toEqual(LATIN1);
    expect(detectEncoding(bytes(0x61, ...values, 0x62), false)).toEqual(LATIN1);
  });

  it('agrees with a fatal TextDecoder on complete input', () => {
    const samples = [
      [0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xef, 0xbf, 0xbf],
      [0xed, 0x9f, 0xbf],
      [0xee, 0x80, 0x80],
      [0xf0, 0x90, 0x80, 0x80],
      [0xc2, 0x80],
      [0xdf, 0xbf],
      [0xe0, 0x9f, 0x80],
      [0xf0, 0x8f, 0xbf, 0xbf],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
    ];
    for (const values of samples) {
      const head = bytes(0x61, ...values);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head);
      } catch {
        valid = false;
      }
      expect(detectEncoding(head, true).encoding, values.join(' ')).toBe(valid ? 'utf-8' : 'latin1');
    }
  });
});

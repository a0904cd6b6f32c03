import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows1252.js';

describe('decodeWindows1252', () => {
  it('reads 0x80–0x9F as Windows-1252, not as control characters', () => {
    expect(decodeWindows1252(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x92, 0x73, 0x20, 0x80, 0x35, 0x96]))).toBe(
      'Café’s €5–',
    );
    expect(decodeWindows1252(Buffer.from('plain ASCII'))).toBe('plain ASCII');
  });
});

import { describe, expect, it } from 'vitest';
import { safeHref } from './links.js';

describe('safeHref', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/a',
    '//evil.example/x',
    '/relative',
    'relative',
    'http://',
    '',
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['https://a.example']]) expect(safeHref(value)).toBeNull();
  });

  it('keeps web and mail links, normalised and percent-encoded', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('HTTP://Example.COM')).toBe('http://example.com/');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref('https://x.example/(a)')).toBe('https://x.example/(a)');
    expect(safeHref('https://ok.example/a)<img src=x onerror=alert(1)>')).toBe(
      'https://ok.example/a)%3Cimg%20src=x%20onerror=alert(1)%3E',
    );
    expect(safeHref(' https://padded.example/ ')).toBe('https://padded.example/');
  });
});

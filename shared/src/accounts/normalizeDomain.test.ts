import { describe, expect, it } from 'vitest';
import { normalizeDomain } from './normalizeDomain.js';

describe('normalizeDomain', () => {
  it.each([
    ['https://www.Acme.com/about?x', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['jane@acme.co.uk', 'acme.co.uk'],
    ['mailto:Jane@Acme.io', 'acme.io'],
    ['www.acme.com', 'acme.com'],
    ['http://acme.com:8080/path', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['acme.com:443', 'acme.com'],
    ['https://user:pw@app.acme.com/login', 'app.acme.com'],
    ['//acme.com', 'acme.com'],
    ['acme.com/#pricing', 'acme.com'],
    ['  shop.acme.com  ', 'shop.acme.com'],
    ['www2.acme.com', 'acme.com'],
    ['www.com', 'www.com'],
    ['my-company.de', 'my-company.de'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['Bücher.de', 'bücher.de'],
    ['https://münchen.de/', 'münchen.de'],
  ])('reads %j as %s', (cell, expected) => {
    expect(normalizeDomain(cell)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'acme',
    'localhost',
    'n/a',
    'Acme Inc',
    'acme .com',
    'acme..com',
    '-acme.com',
    'acme-.com',
    'acme_corp.com',
    '192.168.0.1',
    'https://',
    'jane@',
    'acme.com, acme.io',
    `${'a'.repeat(64)}.com`,
  ])('rejects %j', (cell) => {
    expect(normalizeDomain(cell)).toBeNull();
  });
});

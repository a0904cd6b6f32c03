import { describe, expect, it } from 'vitest';
import type { SignOffDto } from '@bullseye/shared';
import { functionList } from './functionList.js';
import { functionSignOffs } from './functionSignOffs.js';

const signOff = (fn: SignOffDto['function'], decision: SignOffDto['decision']): SignOffDto => ({
  function: fn,
  decision,
  reason: null,
  by: { id: fn, name: fn },
  at: '2026-03-01T10:00:00.000Z',
  versionHash: 'b'.repeat(64),
});

describe('functionSignOffs', () => {
  it('lists the four functions in order, waiting until they sign', () => {
    const rows = functionSignOffs([signOff('product', 'approve'), signOff('sales', 'request_changes')]);
    expect(rows.map((r) => [r.label, r.decision])).toEqual([
      ['Sales', 'request_changes'],
      ['Marketing', 'waiting'],
      ['Product', 'approve'],
      ['Customer success', 'waiting'],
    ]);
    expect(rows[2]?.signOff?.by?.name).toBe('product');
  });

  it('keeps the latest decision of each function', () => {
    const rows = functionSignOffs([signOff('sales', 'request_changes'), signOff('sales', 'approve')]);
    expect(rows[0]?.decision).toBe('approve');
  });
});

describe('functionList', () => {
  it('joins names the way a sentence does', () => {
    expect(functionList([])).toBe('');
    expect(functionList(['sales'])).toBe('Sales');
    expect(functionList(['sales', 'product'])).toBe('Sales and Product');
    expect(functionList(['sales', 'marketing', 'customer_success'])).toBe(
      'Sales, Marketing and Customer success',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseAccountStatus } from './parseStatus.js';

describe('parseAccountStatus', () => {
  it.each([
    ['customer', 'customer'],
    ['Customer', 'customer'],
    ['Customer - Direct', 'customer'],
    ['Customer - Channel', 'customer'],
    ['evangelist', 'customer'],
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['CLOSED_WON', 'won'],
    ['won', 'won'],
    ['Deal won', 'won'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['lost', 'lost'],
    ['Deal lost', 'lost'],
    ['Disqualified', 'lost'],
    ['churned', 'churned'],
    ['Former customer', 'churned'],
    ['Cancelled', 'churned'],
    ['canceled', 'churned'],
    ['Churned customer', 'churned'],
    ['prospect', 'prospect'],
    ['Prospect', 'prospect'],
    ['lead', 'prospect'],
    ['Subscriber', 'prospect'],
    ['MQL', 'prospect'],
    ['SQL', 'prospect'],
    ['Marketing Qualified Lead', 'prospect'],
    ['marketingqualifiedlead', 'prospect'],
    ['Sales Qualified Lead', 'prospect'],
    ['Opportunity', 'prospect'],
    ['open', 'prospect'],
    ['In Progress', 'prospect'],
    ['in-progress', 'prospect'],
    ['Negotiation/Review', 'prospect'],
    ['appointmentscheduled', 'prospect'],
    ['  closed   won  ', 'won'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseAccountStatus(cell)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'other',
    'Other',
    'n/a',
    'N/A',
    'Partner',
    'Channel Partner / Reseller',
    'Technology Partner',
  ])('reads %j as no status', (cell) => {
    expect(parseAccountStatus(cell)).toBeNull();
  });

  it.each(['maybe', 'Closed', 'wonderful', 'customer lost', 'vip'])('rejects %j', (cell) => {
    expect(parseAccountStatus(cell)).toBe('invalid');
  });
});

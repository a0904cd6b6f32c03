import { describe, expect, it } from 'vitest';
import { provenanceText } from './ProvenanceBadge.js';

describe('provenanceText', () => {
  it('names who proposed it and its votes', () => {
    const base = {
      source: 'workshop' as const,
      workshopId: 'w',
      noteId: 'n',
      proposedBy: { id: 'u', name: 'Ana' },
      at: '2027-01-14T10:00:00.000Z',
    };
    expect(provenanceText({ ...base, votes: 4 })).toBe('From the workshop · proposed by Ana · 4 votes');
    expect(provenanceText({ ...base, votes: 1 })).toBe('From the workshop · proposed by Ana · 1 vote');
  });
});

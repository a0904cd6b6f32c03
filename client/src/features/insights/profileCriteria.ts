import { readList, readRange, type ListItem, type ProfileCriteria, type RangeValue } from '@bullseye/shared';
import type * as Y from 'yjs';
import type { DraftCriteria } from './traitCriterion.js';

/** The firmographic and technographic criteria of the live draft (with their evidence). */
export function readDraftCriteria(doc: Y.Doc): DraftCriteria {
  return {
    industries: readList(doc, 'industries'),
    geographies: readList(doc, 'geographies'),
    technologies: readList(doc, 'technologies'),
    disqualifiers: readList(doc, 'disqualifiers'),
    employees: readRange(doc, 'employees'),
    revenue: readRange(doc, 'revenue'),
  };
}

/** Two readings that say the same (so an unrelated edit, e.g. in a narrative, changes nothing). */
export function sameDraftCriteria(a: DraftCriteria, b: DraftCriteria): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const MAX_LIST = 50;

const items = (list: readonly ListItem[]) =>
  list
    .slice(0, MAX_LIST)
    .map((item) => (item.evidence ? { text: item.text, evidence: item.evidence } : { text: item.text }));

const range = ({ min, max, currency }: RangeValue) => (currency ? { min, max, currency } : { min, max });

/** The criteria as the coverage request carries them. */
export function toProfileCriteria(draft: DraftCriteria): ProfileCriteria {
  return {
    industries: items(draft.industries),
    geographies: items(draft.geographies),
    technologies: items(draft.technologies),
    employees: range(draft.employees),
    revenue: range(draft.revenue),
    disqualifiers: items(draft.disqualifiers),
  };
}

/** Whether the draft has any criterion the coverage could check. */
export function hasCriteria(draft: DraftCriteria): boolean {
  return (
    draft.industries.length > 0 ||
    draft.geographies.length > 0 ||
    draft.technologies.length > 0 ||
    draft.disqualifiers.length > 0 ||
    draft.employees.min !== null ||
    draft.employees.max !== null ||
    draft.revenue.min !== null ||
    draft.revenue.max !== null
  );
}

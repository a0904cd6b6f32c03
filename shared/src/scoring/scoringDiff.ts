import type { CanonicalIcp } from '../icp/canonical.js';
import {
  bandText,
  compileScoringModel,
  type ModelCriterion,
  type ScoringModel,
} from './compileScoringModel.js';
import { importanceLabel, type GradeThresholds } from './scoringSettings.js';

/** One scoring setting that differs between two versions, in words (null: not set / absent). */
export interface ScoringChange {
  label: string;
  before: string | null;
  after: string | null;
}

const thresholdsText = (t: GradeThresholds) => `A ≥ ${t.a} · B ≥ ${t.b} · C ≥ ${t.c}`;

function acceptableText(c: ModelCriterion | undefined): string | null {
  return c?.kind === 'range' && c.acceptable ? bandText(c.acceptable, c.currency) : null;
}

/**
 * How scoring differs between two versions beyond their criteria (which the section diffs show):
 * importances, acceptable bands, disqualifier rules and grade thresholds, compared on the compiled
 * models, so defaults count as what they score like. Empty when both score alike.
 */
export function diffScoring(from: CanonicalIcp, to: CanonicalIcp): ScoringChange[] {
  const a = compileScoringModel(from);
  const b = compileScoringModel(to);
  if (a.hash === b.hash) return [];
  const changes: ScoringChange[] = [];
  const push = (label: string, before: string | null, after: string | null) => {
    if (before !== after) changes.push({ label, before, after });
  };
  const byKey = (model: ScoringModel) => new Map(model.criteria.map((c) => [c.key, c]));
  const before = byKey(a);
  const after = byKey(b);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(key);
    const y = after.get(key);
    const label = (y ?? x)!.label;
    // A criterion added or removed shows in its section; its importance only when both have it.
    if (x && y) push(`${label}: importance`, importanceLabel(x.importance), importanceLabel(y.importance));
    push(`${label}: acceptable band`, acceptableText(x), acceptableText(y));
  }
  const rules = (model: ScoringModel) => {
    const map = new Map<string, { text: string; rule: string }>();
    for (const d of model.disqualifiers) map.set(d.id, { text: d.text, rule: d.ruleText });
    for (const m of model.manualChecks) map.set(m.id, { text: m.text, rule: 'Manual check' });
    return map;
  };
  const rulesBefore = rules(a);
  const rulesAfter = rules(b);
  for (const [id, now] of rulesAfter) {
    const was = rulesBefore.get(id);
    if (was) push(`Disqualifier “${now.text}”`, was.rule, now.rule);
  }
  push('Grade thresholds', thresholdsText(a.thresholds), thresholdsText(b.thresholds));
  return changes;
}

import {
  CURRENCIES,
  bestCustomerDefinitionSchema,
  disqualifierRuleSchema,
  evidenceSchema,
  limitRichTextDepth,
  scoringBandSchema,
  scoringSettingsSchema,
  type ScoringSettings,
  type BestCustomerDefinition,
  type Evidence,
  type Currency,
  type ListItem,
  type RangeValue,
  type RichTextNode,
} from '@bullseye/shared';

/**
 * Readers of a version's canonical JSON (`VersionDetailDto.content.sections`). The server wrote it,
 * but a version may come from an older schema: anything of an unexpected shape reads as empty
 * instead of breaking the page.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The evidence a criterion carries (added from customer data), or undefined. */
function evidenceOf(value: unknown): Evidence | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = evidenceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The criteria of a list section, with their evidence and (disqualifiers) rule when they have some. */
export function listItemsOf(value: unknown): ListItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!isRecord(item) || typeof item.text !== 'string') return [];
    const read: ListItem = { id: typeof item.id === 'string' ? item.id : item.text, text: item.text };
    const evidence = evidenceOf(item.evidence);
    if (evidence) read.evidence = evidence;
    const rule = item.rule === undefined ? null : disqualifierRuleSchema.safeParse(item.rule);
    if (rule?.success) read.rule = rule.data;
    return [read];
  });
}

/** The version's scoring settings (importances, grade thresholds), or null when none were set. */
export function scoringOf(content: unknown): ScoringSettings | null {
  if (!isRecord(content) || content.scoring === undefined) return null;
  const parsed = scoringSettingsSchema.safeParse(content.scoring);
  return parsed.success ? parsed.data : null;
}

/** The best-customer definition the version was derived from, or null (none, or unreadable). */
export function bestCustomersOf(content: unknown): BestCustomerDefinition | null {
  if (!isRecord(content) || content.bestCustomers === undefined) return null;
  const parsed = bestCustomerDefinitionSchema.safeParse(content.bestCustomers);
  return parsed.success ? parsed.data : null;
}

const bound = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The band of a range section, with its acceptable band when it has one. */
export function rangeValueOf(value: unknown): RangeValue {
  const range: RangeValue = { min: null, max: null };
  if (!isRecord(value)) return range;
  range.min = bound(value.min);
  range.max = bound(value.max);
  const currency = CURRENCIES.find((c) => c === value.currency);
  if (currency) range.currency = currency satisfies Currency;
  const evidence = evidenceOf(value.evidence);
  if (evidence) range.evidence = evidence;
  const acceptable = scoringBandSchema.safeParse(value.acceptable);
  if (acceptable.success && (acceptable.data.min !== null || acceptable.data.max !== null)) {
    range.acceptable = acceptable.data;
  }
  return range;
}

/**
 * The rich-text tree of a narrative section, or null when it has no text. Depth-limited (content
 * nested deeper than the editor allows is flattened, its text kept), so rendering it recursively
 * is safe whatever an old version holds.
 */
export function richTextOf(value: unknown): RichTextNode | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  const node = limitRichTextDepth(value as unknown as RichTextNode);
  return hasText(node) ? node : null;
}

function hasText(node: RichTextNode): boolean {
  if (node.type === 'text') return Boolean(node.text?.trim());
  return Array.isArray(node.content) && node.content.some((child) => isRecord(child) && hasText(child));
}

/** A link target safe to render (http, https and mailto only): the rule shared with the export. */
export { safeHref } from '@bullseye/shared';

import { FUNCTION_LABELS, FUNCTIONS, type IcpFunction } from '@bullseye/shared';

/** A workspace member who can be mentioned. */
export interface MentionPerson {
  id: string;
  name: string;
  function: IcpFunction | null;
}

export type MentionOption =
  | { kind: 'function'; key: string; fn: IcpFunction; label: string; insert: string; members: number }
  | { kind: 'person'; key: string; person: MentionPerson; insert: string };

const MAX_PEOPLE = 6;

/**
 * What `@query` may complete to: the four functions (inserting `@product`), then people by name
 * (inserting `@Full Name`) except the writer, each matching when a word of it starts with what was
 * typed. Function counts include everyone, the writer too.
 */
export function mentionOptions(
  query: string,
  people: readonly MentionPerson[],
  selfId: string | null = null,
): MentionOption[] {
  const q = query.trim().toLocaleLowerCase();
  const counts = new Map<IcpFunction, number>();
  for (const p of people) if (p.function) counts.set(p.function, (counts.get(p.function) ?? 0) + 1);

  const functions: MentionOption[] = FUNCTIONS.filter(
    (fn) => matches(FUNCTION_LABELS[fn], q) || matches(fn, q),
  ).map((fn) => ({
    kind: 'function',
    key: `function:${fn}`,
    fn,
    label: FUNCTION_LABELS[fn],
    insert: fn,
    members: counts.get(fn) ?? 0,
  }));
  const persons: MentionOption[] = people
    .filter((p) => p.id !== selfId && p.name.trim() !== '' && matches(p.name, q))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_PEOPLE)
    .map((person) => ({ kind: 'person', key: `person:${person.id}`, person, insert: person.name.trim() }));
  return [...functions, ...persons];
}

/** "ada", "ada lo", "lovel" match "Ada Lovelace"; "customer_s" and "succ" match customer success. */
function matches(text: string, q: string): boolean {
  if (q === '') return true;
  const t = text.toLocaleLowerCase();
  if (t.startsWith(q)) return true;
  return t.split(/[\s_-]+/).some((word) => word.startsWith(q));
}

/** The text with the `@query` at `at` (up to `caret`) replaced by a complete mention and a space. */
export function insertMention(
  text: string,
  at: number,
  caret: number,
  insert: string,
): { text: string; caret: number } {
  const mention = `@${insert} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at) + mention + rest, caret: at + mention.length };
}

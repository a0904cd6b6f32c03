import { FUNCTIONS, type IcpFunction } from './roles.js';

/**
 * Mentions in comments are plain text: `@Ada Lovelace` names a member by display name, and
 * `@sales`, `@marketing`, `@product`, `@customer_success` reach every member representing that
 * function. The server resolves them against the workspace's members when a comment is written,
 * so API clients write the same text people type, and the client renders from the same rule.
 */
export type MentionTarget =
  { type: 'user'; userId: string; name: string } | { type: 'function'; function: IcpFunction };

/** A piece of a comment body: plain text, or a mention with the text that made it. */
export type BodySegment = { text: string; mention?: MentionTarget };

/** A person who can be mentioned. */
export interface MentionablePerson {
  id: string;
  name: string;
}

interface Candidate {
  label: string;
  target: MentionTarget;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Every `@label` that may be mentioned: the four functions, then people by name. */
export function mentionCandidates(people: readonly MentionablePerson[]): Candidate[] {
  const candidates: Candidate[] = FUNCTIONS.map((fn) => ({
    label: fn,
    target: { type: 'function', function: fn },
  }));
  for (const person of people) {
    const name = person.name.trim();
    if (name) candidates.push({ label: name, target: { type: 'user', userId: person.id, name } });
  }
  // Longest first, so "@Ada Lovelace" wins over "@Ada".
  return candidates.sort((a, b) => b.label.length - a.label.length);
}

/** Splits a comment body into text and mentions of the given people and the four functions. */
export function segmentMentions(body: string, people: readonly MentionablePerson[]): BodySegment[] {
  const candidates = mentionCandidates(people);
  const segments: BodySegment[] = [];
  let text = '';
  let i = 0;
  while (i < body.length) {
    const atBoundary = i === 0 || !WORD_CHAR.test(body[i - 1]!);
    const match = body[i] === '@' && atBoundary ? matchAt(body, i + 1, candidates) : undefined;
    if (match) {
      if (text) segments.push({ text });
      text = '';
      const length = 1 + match.label.length;
      segments.push({ text: body.slice(i, i + length), mention: match.target });
      i += length;
    } else {
      text += body[i];
      i += 1;
    }
  }
  if (text) segments.push({ text });
  return segments;
}

function matchAt(body: string, at: number, candidates: Candidate[]): Candidate | undefined {
  return candidates.find((c) => {
    const slice = body.slice(at, at + c.label.length);
    if (slice.localeCompare(c.label, undefined, { sensitivity: 'accent' }) !== 0) return false;
    const next = body[at + c.label.length];
    return next === undefined || !WORD_CHAR.test(next);
  });
}

/** The distinct people and functions a body mentions. */
export function parseMentions(body: string, people: readonly MentionablePerson[]): MentionTarget[] {
  const seen = new Set<string>();
  const targets: MentionTarget[] = [];
  for (const { mention } of segmentMentions(body, people)) {
    if (!mention) continue;
    const key = mention.type === 'user' ? `user:${mention.userId}` : `function:${mention.function}`;
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(mention);
  }
  return targets;
}

/**
 * The `@query` being typed just before `caret`, for autocompletion: the text after the `@` and
 * where the `@` is, or null when the caret is not in a mention.
 */
export function mentionQueryAt(body: string, caret: number): { query: string; at: number } | null {
  const before = body.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && WORD_CHAR.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  // Names have at most a few words; a newline or a long run ends the mention.
  if (query.length > 40 || /\n/.test(query) || query.split(' ').length > 4) return null;
  return { query, at };
}

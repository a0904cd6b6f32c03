import type { z } from 'zod';
import { invalidInput, notFound } from '../errors.js';

/**
 * Parses `value` (a request body, query or params) with a shared zod schema. Throws a 400 that
 * names the first offending field, e.g. `title: must not be empty`; a bad path id is a 404.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (result.success) return result.data;
  // A malformed id in a path is simply an id that does not exist.
  if (location === 'params') throw notFound();
  const issue = meantOption(result.error.issues[0]);
  const path = issue?.path.map(String).join('.') ?? '';
  const field = path ? path : location;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.join(', ')}`
      : (issue?.message ?? 'invalid');
  if (issue?.code === 'unrecognized_keys') {
    // Name the unknown key with its path, e.g. `anchor.section` for a key inside `anchor`.
    const key = issue.keys[0];
    return fail(key === undefined ? field : path ? `${path}.${key}` : key, message);
  }
  if (issue?.code === 'invalid_type' && path === '' && location === 'body')
    return fail('body', 'must be a JSON object');
  return fail(field, message);
}

function fail(field: string, message: string): never {
  throw invalidInput(field, message);
}

/**
 * For input that matches no option of a union, the first issue of the one option it was clearly
 * meant for (the only one whose keys it does not break), so `{ "ids": [] }` answers
 * `ids: must name at least one item` rather than a generic "must be one of".
 */
function meantOption(issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
  if (issue?.code !== 'invalid_union') return issue;
  const meant = issue.errors.filter((issues) => !issues.some((i) => i.code === 'unrecognized_keys'));
  const inner = meant.length === 1 ? meant[0]![0] : undefined;
  return inner ? { ...inner, path: [...issue.path, ...inner.path] } : issue;
}

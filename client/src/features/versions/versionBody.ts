import { createVersionBodySchema, type CreateVersionBody } from '@bullseye/shared';

/** A new version's name and note checked with the API's own schema; the error says which field. */
export function parseVersionBody(
  name: string,
  note: string,
): { body: CreateVersionBody } | { error: string } {
  const parsed = createVersionBodySchema.safeParse({ name, ...(note.trim() ? { note } : {}) });
  if (parsed.success) return { body: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `${issue?.path[0] === 'note' ? 'Note' : 'Name'} ${issue?.message ?? 'is not valid'}.` };
}

/**
 * What to tell someone whose new ICP title was refused, from the validator's (or the server's)
 * message: "The title can’t be empty, so it is still “Mid-market SaaS”." The server's messages
 * name the field ("title: must not be empty"); the name is dropped, never doubled.
 */
export function titleProblem(message: string, previousTitle: string): string {
  const bare = message.replace(/^title:\s*/i, '').replace(/\.$/, '');
  if (bare === 'must not be empty') return `The title can’t be empty, so it is still “${previousTitle}”.`;
  if (bare.startsWith('must be at most')) return `The title ${bare}. Shorten it to save.`;
  if (/^must /.test(bare)) return `The title ${bare}, so it is still “${previousTitle}”.`;
  return `The title was not saved: ${bare}. It is still “${previousTitle}”.`;
}

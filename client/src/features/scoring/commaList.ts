/** The values of "Government, Education, government": trimmed, without blanks or repeats (any case). */
export function splitCommaList(text: string): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const part of text.split(',')) {
    const value = part.trim().replace(/\s+/g, ' ');
    const key = value.toLocaleLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    values.push(value);
  }
  return values;
}

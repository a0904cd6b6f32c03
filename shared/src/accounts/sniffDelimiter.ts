/** The delimiters a CSV upload may use, in order of preference when the sample cannot tell. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Records looked at. */
const MAX_RECORDS = 20;

/**
 * Guesses the delimiter of a CSV from its first bytes: over the first 20 complete records (quoted
 * fields may hold delimiters and line breaks), the delimiter appearing the same number of times,
 * more than zero, in the most records wins; then the one splitting records into more fields; then
 * `,` `;` tab `|` in that order. Defaults to `,`.
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistency: number; fields: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = delimiterCounts(sample, delimiter);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let fields = 0;
    let records = 0;
    for (const [count, times] of frequency) {
      if (times > records || (times === records && count > fields)) [fields, records] = [count, times];
    }
    if (records === 0) continue;
    const consistency = records / counts.length;
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && fields > best.fields)
    ) {
      best = { delimiter, consistency, fields };
    }
  }
  return best?.delimiter ?? ',';
}

/**
 * How many times `delimiter` separates fields in each of the first complete, non-blank records,
 * reading quotes the CSV way for that delimiter. The last record counts only when the sample holds
 * no complete one (a one-line file) and it does not end inside quotes.
 */
function delimiterCounts(sample: string, delimiter: CsvDelimiter): number[] {
  const counts: number[] = [];
  let count = 0;
  let content = false;
  let fieldStart = true;
  let quoted = false;
  for (let i = 0; i < sample.length && counts.length < MAX_RECORDS; i++) {
    const char = sample[i];
    if (quoted) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      content = true;
    } else if (char === delimiter) {
      count++;
      fieldStart = true;
      content = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && sample[i + 1] === '\n') i++;
      if (content) counts.push(count);
      count = 0;
      content = false;
      fieldStart = true;
    } else if (char !== ' ') {
      fieldStart = false;
      content = true;
    }
  }
  if (counts.length === 0 && content && !quoted) counts.push(count);
  return counts;
}

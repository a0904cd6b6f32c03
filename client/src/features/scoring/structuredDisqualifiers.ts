import {
  SCHEMA_VERSION,
  compileScoringModel,
  type Currency,
  type ListItem,
  type ModelDisqualifier,
} from '@bullseye/shared';

/**
 * The disqualifiers scoring tests, by item id: those with a written rule and those whose evidence
 * names a value (added from the insights). Compiled as scoring compiles them, from the
 * disqualifiers and the revenue currency (revenue rules are in it); every other item is a manual
 * check.
 */
export function structuredDisqualifiers(
  items: ListItem[],
  revenueCurrency: Currency | undefined,
): Map<string, ModelDisqualifier> {
  const revenue = revenueCurrency
    ? { min: null, max: null, currency: revenueCurrency }
    : { min: null, max: null };
  const model = compileScoringModel({
    schemaVersion: SCHEMA_VERSION,
    sections: { disqualifiers: items, revenue },
  });
  return new Map(model.disqualifiers.map((d) => [d.id, d]));
}

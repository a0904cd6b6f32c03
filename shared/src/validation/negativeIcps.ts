import { z } from 'zod';
import { CURRENCIES } from '../icp/layout.js';
import { disqualifierRuleSchema } from '../scoring/scoringSettings.js';

const negativeSourceSchema = z.object({
  icpId: z.uuid(),
  title: z.string(),
  versionId: z.uuid(),
  versionNumber: z.number().int(),
});

export const negativeDisqualifierDtoSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Null: a person checks it (free text, or revenue in another currency). */
  rule: disqualifierRuleSchema.nullable(),
  currency: z.enum(CURRENCIES).nullable(),
  source: negativeSourceSchema,
});

/**
 * What an ICP inherits from the workspace's negative ICPs: the criteria of each one's approved
 * version (they disqualify in its scores), and the negative ICPs with no approved version yet
 * (`pending`: nothing of them applies until a version is approved). Empty for a negative ICP.
 */
export const inheritedDisqualifiersDtoSchema = z.object({
  inherited: z.array(negativeDisqualifierDtoSchema),
  pending: z.array(z.object({ icpId: z.uuid(), title: z.string() })),
});
export type InheritedDisqualifiersDto = z.infer<typeof inheritedDisqualifiersDtoSchema>;

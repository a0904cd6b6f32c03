import { z } from 'zod';
import { COACH_RULES } from '../coach/coachRules.js';
import { ICP_SECTIONS, type SectionKey } from '../icp/layout.js';
import { FUNCTIONS } from '../logic/roles.js';
import { personRefSchema } from './comments.js';

/**
 * The quality coach as the HTTP API accepts and answers it: dismissals of findings (with the
 * reason, kept and shown to reviewers) and the checklist a version recorded.
 */

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const MAX_DISMISSAL_REASON_LENGTH = 500;
const RULE_IDS = COACH_RULES.map((r) => r.id) as [string, ...string[]];

export const icpCoachParamsSchema = z.object({ icpId: uuid('an ICP') });
export const findingKeySchema = z
  .string({ message: 'must be a string' })
  .min(1, { message: 'must not be empty' })
  .max(300, { message: 'must be at most 300 characters' });

export const dismissFindingBodySchema = z.strictObject({
  findingKey: findingKeySchema,
  ruleId: z.enum(RULE_IDS, { message: 'must be one of the coach rules' }),
  reason: z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, { message: 'must say why (reviewers read it)' })
    .max(MAX_DISMISSAL_REASON_LENGTH, {
      message: `must be at most ${MAX_DISMISSAL_REASON_LENGTH} characters`,
    })
    .refine((s) => !CONTROL.test(s), { message: 'must be plain text' }),
});
export type DismissFindingBody = z.infer<typeof dismissFindingBodySchema>;

export const undismissFindingQuerySchema = z.strictObject({ findingKey: findingKeySchema });

export const coachDismissalDtoSchema = z.object({
  findingKey: z.string(),
  ruleId: z.string(),
  reason: z.string(),
  by: personRefSchema.nullable(),
  at: z.string(),
});
export const coachDismissalListDtoSchema = z.object({ dismissals: z.array(coachDismissalDtoSchema) });

export const coachFindingDtoSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['hint', 'warning']),
  practice: z.enum(['vague', 'static', 'ivoryTower', 'dataOnly', 'opinionOnly', 'personaFirst']),
  section: z.enum(ICP_SECTIONS.map((x) => x.key) as [SectionKey, ...SectionKey[]]).nullable(),
  subject: z.string(),
  message: z.string(),
  fix: z.string(),
});

/** What the coach said about a version when it was recorded, and what had been dismissed (why). */
export const versionChecklistDtoSchema = z.object({
  findings: z.array(coachFindingDtoSchema),
  /** Each with the finding as the coach worded it then (absent in checklists recorded before). */
  dismissals: z.array(coachDismissalDtoSchema.extend({ finding: coachFindingDtoSchema.optional() })),
});

/** Who contributed to which section, by function (edits counted from the live document, comments). */
export const icpContributionsDtoSchema = z.object({
  contributions: z.array(
    z.object({
      section: z.enum(ICP_SECTIONS.map((x) => x.key) as [SectionKey, ...SectionKey[]]),
      function: z.enum(FUNCTIONS),
      edits: z.number(),
      comments: z.number(),
    }),
  ),
  /** Sign-offs given with a reason (approving or requesting changes), per function, on any version. */
  signOffReasons: z.array(z.object({ function: z.enum(FUNCTIONS), count: z.number() })),
});
export type IcpContributionsDto = z.infer<typeof icpContributionsDtoSchema>;

export type CoachDismissalDto = z.infer<typeof coachDismissalDtoSchema>;
export type CoachDismissalListDto = z.infer<typeof coachDismissalListDtoSchema>;
export type VersionChecklistDto = z.infer<typeof versionChecklistDtoSchema>;

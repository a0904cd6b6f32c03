import { z } from 'zod';
import {
  personRefSchema,
  signOffDtoSchema,
  versionDetailDtoSchema,
  versionDtoSchema,
  workshopSummaryDtoSchema,
  type CanonicalIcp,
  type ExportedApproval,
} from '@bullseye/shared';
import type { IcpRow } from '../db/icpStore.js';
import type { ReviewSummary } from '../db/reviewStore.js';
import type { VersionRecord } from '../db/versionStore.js';
import { person, presentLatestSignOffs } from './review.js';
import { presentVersion } from './version.js';

type Approval = NonNullable<ReviewSummary['approved']>;

/** The JSON export of a version: the ICP, the version, its approval (if approved) and its content. */
export const versionExportDtoSchema = z.object({
  icp: z.object({ id: z.uuid(), title: z.string() }),
  version: versionDtoSchema,
  /** Set when this version was approved: by whom, when, and the four sign-offs it rests on. */
  approval: z
    .object({
      approvedBy: personRefSchema.nullable(),
      approvedAt: z.iso.datetime(),
      note: z.string().nullable(),
      versionHash: z.string(),
      signOffs: z.array(signOffDtoSchema),
    })
    .nullable(),
  content: versionDetailDtoSchema.shape.content,
  /** Set when a workshop's wrap-up recorded this version: its record. */
  workshop: z
    .object({
      id: z.uuid(),
      startedAt: z.string(),
      facilitator: personRefSchema,
      summary: workshopSummaryDtoSchema,
    })
    .nullable(),
});
export type VersionExportDto = z.infer<typeof versionExportDtoSchema>;

/** The JSON export; the title is the ICP's title when the version was taken. */
export function presentExportJson(
  icp: IcpRow,
  version: VersionRecord,
  approval: Approval | null,
  content: CanonicalIcp,
  workshop: VersionExportDto['workshop'] = null,
): VersionExportDto {
  return {
    icp: { id: icp.id, title: version.title },
    version: presentVersion(version),
    approval: approval && {
      approvedBy: person(approval.approval.approved_by, approval.approval.approved_by_name),
      approvedAt: approval.approval.approved_at,
      note: approval.approval.note,
      versionHash: approval.approval.version_hash,
      signOffs: presentLatestSignOffs(approval.signOffs),
    },
    content,
    workshop,
  };
}

/** The approval as the Markdown export prints it (names, not ids). */
export function presentExportMarkdownApproval(approval: Approval | null): ExportedApproval | null {
  return (
    approval && {
      approvedBy: approval.approval.approved_by_name,
      approvedAt: approval.approval.approved_at,
      signOffs: presentLatestSignOffs(approval.signOffs).map((s) => ({
        function: s.function,
        by: s.by?.name ?? null,
        at: s.at,
      })),
    }
  );
}

/**
 * `Content-Disposition` for a download: an ASCII `filename=` every client understands (quotes and
 * backslashes escaped, anything else outside printable ASCII replaced), and the exact name as
 * RFC 5987 `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

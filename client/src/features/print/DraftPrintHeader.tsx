import { useReviewOptional } from '../review/reviewContext.js';
import { draftPrintLabel } from './printLabel.js';
import { PrintHeader, usePrintedAt } from './PrintHeader.js';

/**
 * The print header of the live draft: "Draft, not approved", when it was printed, and the approved
 * version it changed since (the Review panel's own comparison of the draft with that version).
 */
export function DraftPrintHeader({ title }: { title: string }) {
  const review = useReviewOptional();
  const printedAt = usePrintedAt();
  const approved = review?.review.approved ?? null;
  const label = draftPrintLabel({
    approved: approved && { number: approved.number, hash: approved.hash },
    comparison: review?.sinceApproval.status ?? 'none',
    printedAt,
  });
  return <PrintHeader title={title} label={label} />;
}

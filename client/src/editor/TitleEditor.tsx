import { useId, useState } from 'react';
import { icpTitleSchema, lengthState, LIMITS, type IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError } from '../api/apiError.js';
import { useToast } from '../ui/Toast.js';
import { LengthHint } from '../ui/LengthHint.js';
import { titleProblem } from './titleMessages.js';

/** The ICP title, renamed in place; everyone else sees the new title at once. */
export function TitleEditor({
  icp,
  readOnly,
  onRenamed,
}: {
  icp: IcpDto;
  readOnly: boolean;
  onRenamed: (icp: IcpDto) => void;
}) {
  const toast = useToast();
  const lengthId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const tooLong = draft !== null && lengthState(draft, LIMITS.maxTitleLength).over > 0;

  async function commit() {
    if (draft === null) return;
    const title = draft.trim();
    if (title === icp.title) {
      setDraft(null);
      return;
    }
    const checked = icpTitleSchema.safeParse(draft);
    if (!checked.success) {
      const problem = titleProblem(checked.error.issues[0]?.message ?? 'invalid', icp.title);
      // Too long stays as typed, so the person can shorten it; anything else puts the title back.
      if (!tooLong) setDraft(null);
      toast(problem, { tone: 'error' });
      return;
    }
    try {
      onRenamed(await icpApi.rename(icp.id, checked.data));
      setDraft(null);
    } catch (e) {
      setDraft(null);
      toast(titleProblem(asApiError(e).message, icp.title), { tone: 'error' });
    }
  }

  if (readOnly)
    return (
      <h1 className="doc-title" dir="auto">
        {icp.title}
      </h1>
    );
  return (
    <div className="doc-title-field">
      <input
        className="doc-title doc-title-input"
        aria-label="ICP title"
        dir="auto"
        value={draft ?? icp.title}
        aria-invalid={tooLong ? true : undefined}
        aria-describedby={tooLong ? lengthId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
          }
        }}
      />
      {draft !== null && <LengthHint id={lengthId} text={draft} max={LIMITS.maxTitleLength} action="save" />}
    </div>
  );
}

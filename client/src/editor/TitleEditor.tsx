import { useState } from 'react';
import { LIMITS, type IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';
import { useToast } from '../ui/Toast.js';

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
  const [draft, setDraft] = useState<string | null>(null);

  async function commit() {
    if (draft === null) return;
    const title = draft.trim();
    if (title === icp.title) {
      setDraft(null);
      return;
    }
    try {
      onRenamed(await icpApi.rename(icp.id, draft));
      setDraft(null);
    } catch (e) {
      toast(`Title ${(e as ApiError).message}`, { tone: 'error' });
    }
  }

  if (readOnly) return <h1 className="doc-title">{icp.title}</h1>;
  return (
    <input
      className="doc-title doc-title-input"
      aria-label="ICP title"
      value={draft ?? icp.title}
      maxLength={LIMITS.maxTitleLength}
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
  );
}

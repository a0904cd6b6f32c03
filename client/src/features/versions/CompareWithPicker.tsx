import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { VersionDto } from '@bullseye/shared';
import { comparePath } from './versionPaths.js';
import { versionTitle } from './versionLabel.js';

interface CompareWithPickerProps {
  icpId: string;
  version: VersionDto;
  versions: readonly VersionDto[];
  onCancel: () => void;
}

/** Picks the other version to compare one with; the older of the two is always the "from" side. */
export function CompareWithPicker({ icpId, version, versions, onCancel }: CompareWithPickerProps) {
  const navigate = useNavigate();
  const others = versions.filter((v) => v.id !== version.id);
  const [other, setOther] = useState(others[0]?.id ?? '');
  const id = useId();

  function compare() {
    const picked = others.find((v) => v.id === other);
    if (!picked) return;
    const [from, to] = picked.number < version.number ? [picked, version] : [version, picked];
    void navigate(comparePath(icpId, from.id, to.id));
  }

  if (others.length === 0) {
    return (
      <div className="compare-picker">
        <span className="muted small">There is no other version yet.</span>
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }

  return (
    <div className="compare-picker">
      <label htmlFor={id} className="visually-hidden">
        Compare version {version.number} with
      </label>
      <select
        id={id}
        className="input input-sm grow"
        value={other}
        autoFocus
        onChange={(e) => setOther(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            {versionTitle(v)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-sm btn-primary" onClick={compare}>
        Compare
      </button>
      <button type="button" className="btn btn-sm" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

import type { ReactNode } from 'react';
import { ICP_SECTIONS, SECTION_GROUPS, type IcpSection } from '@bullseye/shared';

/**
 * The one-page layout shared by the live editor and read-only versions: the section groups of the
 * template in order, each with its heading and a grid of its sections rendered by `children`.
 */
export function SectionGroups({ children }: { children: (section: IcpSection) => ReactNode }) {
  return SECTION_GROUPS.map((group) => (
    <div key={group.key} className={`group group-${group.key}`}>
      <div className="group-head">
        <h2>{group.title}</h2>
        <p className="muted small">{group.description}</p>
      </div>
      <div className="group-grid">{ICP_SECTIONS.filter((s) => s.group === group.key).map(children)}</div>
    </div>
  ));
}

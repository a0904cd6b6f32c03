import type { ReactNode } from 'react';
import type { FindingLike } from './coachView.js';
import { sectionTitle } from './coachView.js';
import { revealSection } from './revealSection.js';

const SEVERITY_LABEL = { warning: 'Warning', hint: 'Hint' } as const;

/**
 * One finding of the coach: how serious, what is wrong, how to fix it, and the section it concerns
 * (a link there when `linkSection`). `actions` go at its foot.
 */
export function CoachFindingItem({
  finding,
  linkSection = false,
  showSection = true,
  onSectionLink,
  actions,
  children,
}: {
  finding: FindingLike;
  linkSection?: boolean;
  /** Off where the section is obvious (on the section itself). */
  showSection?: boolean;
  /** Called after the page scrolled to the section (e.g. to close a drawer). */
  onSectionLink?: () => void;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const title = showSection ? sectionTitle(finding.section) : null;
  return (
    <li
      className={`coach-finding coach-finding-${finding.severity}`}
      data-testid="coach-finding"
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      data-section={finding.section ?? ''}
    >
      <span className="coach-severity">{SEVERITY_LABEL[finding.severity]}</span>
      <div className="coach-finding-body">
        <p className="coach-message">{finding.message}</p>
        <p className="coach-fix">{finding.fix}</p>
        {children}
        {(title || actions) && (
          <div className="coach-finding-foot">
            {title &&
              (linkSection && finding.section ? (
                <a
                  href={`#section-${finding.section}`}
                  className="coach-section-link"
                  onClick={(e) => {
                    e.preventDefault();
                    revealSection(finding.section!);
                    onSectionLink?.();
                  }}
                >
                  {title}
                </a>
              ) : (
                <span className="coach-section-name">{title}</span>
              ))}
            {actions}
          </div>
        )}
      </div>
    </li>
  );
}

import type { ReactNode } from 'react';
import type { SectionCompleteness, SectionDefinition } from '@bullseye/shared';
import type { IcpSession } from '../collab/IcpSession.js';
import type { Participant } from '../collab/usePresence.js';
import { targetKey, useCommentsOptional } from '../features/comments/commentsContext.js';
import { CoachSectionMarker } from '../features/coach/CoachSectionMarker.js';
import { SectionCommentTools } from '../features/comments/SectionCommentTools.js';
import type { SectionFocus } from '../features/workshop/sectionFocus.js';
import { Avatar } from '../ui/Avatar.js';

interface SectionFrameProps {
  section: SectionDefinition;
  session: IcpSession;
  /** Other people whose focus is in this section. */
  present: Participant[];
  completeness: SectionCompleteness | undefined;
  children: ReactNode;
  wide?: boolean;
  /** Controls in the header beside the title (a scored criterion's importance). */
  tools?: ReactNode;
  /** During a workshop: on the current step, dimmed (following), locked by the facilitator. */
  focus?: SectionFocus;
}

const STATUS_LABEL = { empty: 'Empty', thin: 'Needs work', complete: 'Complete' } as const;

/**
 * One section of the page: its title, the hint that teaches good practice, who is working in it,
 * and whether it is complete. Focus inside the section is published as this person's presence.
 */
export function SectionFrame({
  section,
  session,
  present,
  completeness,
  children,
  wide,
  tools,
  focus,
}: SectionFrameProps) {
  const titleId = `section-title-${section.key}`;
  const commentTarget = useCommentsOptional()?.selectedTarget;
  const commentActive = section.kind === 'range' && commentTarget === targetKey(section.key, null);
  return (
    <section
      className={`section section-${section.kind} ${wide ? 'section-wide' : ''} ${present.length ? 'section-busy' : ''} ${commentActive ? 'comment-target-active' : ''} ${focus?.current ? 'section-workshop-current' : ''} ${focus?.dimmed ? 'section-dimmed' : ''} ${focus?.locked ? 'section-locked' : ''}`}
      data-workshop-current={focus?.current ? 'true' : undefined}
      data-locked={focus?.locked ? 'true' : undefined}
      id={`section-${section.key}`}
      data-section={section.key}
      aria-labelledby={titleId}
      style={present[0] ? { borderColor: present[0].user.color } : undefined}
      onFocus={() => session.setSection(section.key)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) session.setSection(null);
      }}
    >
      <header className="section-head">
        <h3 id={titleId}>
          {completeness && (
            <span
              className={`status-dot status-${completeness.status}`}
              title={completeness.advice ?? STATUS_LABEL[completeness.status]}
              aria-label={STATUS_LABEL[completeness.status]}
              role="img"
            />
          )}
          {section.title}
        </h3>
        {tools}
        <CoachSectionMarker section={section} />
        <SectionCommentTools section={section} doc={session.doc} />
        <div className="section-presence" data-testid={`section-presence-${section.key}`}>
          {present.map((p) => (
            <Avatar
              key={p.clientId}
              name={p.user.name}
              color={p.user.color}
              size="sm"
              label={`${p.user.name} is here`}
            />
          ))}
        </div>
      </header>
      <p className="section-hint">{section.hint}</p>
      {focus?.locked && (
        <p className="section-locked-note" data-testid={`section-locked-${section.key}`}>
          <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" focusable="false">
            <path
              d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinejoin="round"
            />
          </svg>
          Locked by the facilitator during this step
        </p>
      )}
      {children}
    </section>
  );
}

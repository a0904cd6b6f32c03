import { SCORED_SECTIONS, icpCompleteness, type IcpSection, type ScoredSection } from '@bullseye/shared';
import type { IcpSession, PresenceUser } from '../collab/IcpSession.js';
import { useDocValue } from '../collab/useDocValue.js';
import type { Participant } from '../collab/usePresence.js';
import { CoachSummaryButton } from '../features/coach/CoachSummaryButton.js';
import { InheritedDisqualifiers } from '../features/icpKinds/InheritedDisqualifiers.js';
import { ImportanceControl } from '../features/scoring/ImportanceControl.js';
import { sectionFocus } from '../features/workshop/sectionFocus.js';
import { useWorkshopOptional } from '../features/workshop/workshopContext.js';
import { ChipsField } from './ChipsField.js';
import { CompletenessMeter } from './CompletenessMeter.js';
import { ItemsField } from './ItemsField.js';
import { NarrativeEditor } from './NarrativeEditor.js';
import { RangeField } from './RangeField.js';
import { SectionFrame } from './SectionFrame.js';
import { SectionGroups } from './SectionGroups.js';

interface IcpPageProps {
  session: IcpSession;
  user: PresenceUser;
  people: Participant[];
  readOnly: boolean;
}

/** The one-page ICP, rendered from the section template in `shared`, group by group. */
export function IcpPage({ session, user, people, readOnly }: IcpPageProps) {
  const completeness = useDocValue(session.doc, icpCompleteness);
  const byKey = new Map(completeness.sections.map((s) => [s.key, s]));
  const workshop = useWorkshopOptional();
  const focusOf = (key: IcpSection['key']) =>
    sectionFocus(workshop?.workshop ?? null, workshop?.following ?? false, key);

  return (
    <article className="icp-page" aria-label="Ideal Customer Profile">
      <div className="icp-page-status">
        <CompletenessMeter percent={completeness.percent} sections={completeness.sections} />
        <CoachSummaryButton />
      </div>
      <SectionGroups>
        {(section) => {
          const focus = focusOf(section.key);
          const sectionReadOnly = readOnly || focus.locked;
          return (
            <SectionFrame
              key={section.key}
              focus={focus}
              section={section}
              session={session}
              present={people.filter((p) => !p.isSelf && p.section === section.key)}
              completeness={byKey.get(section.key)}
              wide={section.kind === 'list' && section.style === 'items'}
              tools={
                isScored(section.key) && (
                  <ImportanceControl
                    doc={session.doc}
                    section={section.key}
                    title={section.title}
                    readOnly={sectionReadOnly}
                  />
                )
              }
            >
              <SectionBody session={session} section={section} user={user} readOnly={sectionReadOnly} />
            </SectionFrame>
          );
        }}
      </SectionGroups>
    </article>
  );
}

const isScored = (key: string): key is ScoredSection => (SCORED_SECTIONS as readonly string[]).includes(key);

function SectionBody({
  session,
  section,
  user,
  readOnly,
}: {
  session: IcpSession;
  section: IcpSection;
  user: PresenceUser;
  readOnly: boolean;
}) {
  switch (section.kind) {
    case 'list':
      if (section.style === 'chips')
        return <ChipsField doc={session.doc} section={section} readOnly={readOnly} />;
      return (
        <>
          <ItemsField doc={session.doc} section={section} readOnly={readOnly} />
          {/* What the workspace's negative ICPs disqualify here too, read-only. */}
          {section.key === 'disqualifiers' && <InheritedDisqualifiers />}
        </>
      );
    case 'range':
      return <RangeField doc={session.doc} section={section} readOnly={readOnly} />;
    case 'richText':
      return <NarrativeEditor session={session} section={section} user={user} readOnly={readOnly} />;
  }
}

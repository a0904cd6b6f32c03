import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { colorForName, type IcpDto } from '@bullseye/shared';
import type { IcpSession, PresenceUser } from '../../collab/IcpSession.js';
import { useIcpSession } from '../../collab/useIcpSession.js';
import { useIcp } from '../../editor/useIcp.js';
import { useMe } from '../identity/useMe.js';
import { Countdown } from './Countdown.js';
import { ProjectorNotes } from './ProjectorNotes.js';
import { ProjectorSections } from './ProjectorSections.js';
import { useLiveWorkshop } from './useLiveWorkshop.js';
import { summaryPath } from './workshopPaths.js';

/**
 * `/icp/:id/workshop/projector`: the current step for the room, in large type on a light page:
 * step N of M, its title and prompt, the countdown, the step's sections as they are being edited
 * (live from the document), and in a brainstorm the revealed notes or the vote results. Sized in
 * viewport units, so it fills 1280×720 and 1920×1080 alike without scrolling.
 */
export function ProjectorPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const user = useMemo<PresenceUser>(
    () => ({ name: me.user.name, color: colorForName(me.user.id) }),
    [me.user.name, me.user.id],
  );
  const { icp, error } = useIcp(id);
  const session = useIcpSession(id, icp ? user : null);

  useEffect(() => {
    if (icp) document.title = `Projector · ${icp.title} · Bullseye`;
  }, [icp]);

  if (error && !icp) {
    return (
      <main className="projector projector-message">
        <p>{error.status === 404 ? 'This ICP does not exist.' : error.message}</p>
        <Link to="/" className="btn">
          Go to your workspaces
        </Link>
      </main>
    );
  }
  if (!icp || !session) {
    return (
      <main className="projector projector-message">
        <p>Opening…</p>
      </main>
    );
  }
  return <LiveProjector icp={icp} session={session} />;
}

function LiveProjector({ icp, session }: { icp: IcpDto; session: IcpSession }) {
  const { workshop, receivedAt, past, loaded } = useLiveWorkshop(session, icp.id);
  if (!workshop) {
    const last = past[0];
    return (
      <main className="projector projector-message" data-testid="projector">
        <p className="projector-icp">{icp.title}</p>
        <p>{loaded ? 'No workshop is running on this ICP.' : 'Opening…'}</p>
        {loaded && last && (
          <Link className="btn" to={summaryPath(icp.id, last.id)}>
            Summary of the last workshop
          </Link>
        )}
      </main>
    );
  }
  const step = workshop.steps[workshop.currentStep];
  if (!step) return null;
  const notes = workshop.notes.filter((n) => n.stepId === step.id);
  const board = step.kind === 'brainstorm' && step.phase !== 'writing';
  return (
    <main className="projector" data-testid="projector" aria-label="Workshop projector view">
      <header className="projector-head">
        <div className="projector-heading">
          <p className="projector-icp">
            {icp.title} ·{' '}
            <span data-testid="projector-step-count">
              Step {workshop.currentStep + 1} of {workshop.steps.length}
            </span>
          </p>
          <h1 className="projector-title">{step.title}</h1>
          {step.prompt && <p className="projector-prompt">{step.prompt}</p>}
        </div>
        <Countdown timer={workshop.timer} receivedAt={receivedAt} className="projector-countdown" />
      </header>
      <div className="projector-body">
        {board ? (
          <ProjectorNotes step={step} notes={notes} />
        ) : (
          <>
            {step.kind === 'brainstorm' && (
              <p className="projector-status">
                {step.hiddenNotes > 0
                  ? `Silent writing: ${step.hiddenNotes} ${step.hiddenNotes === 1 ? 'note' : 'notes'} from ${step.hiddenAuthors} ${step.hiddenAuthors === 1 ? 'person' : 'people'} so far`
                  : 'Silent writing: add your notes in Bullseye; they stay hidden until revealed'}
              </p>
            )}
            <ProjectorSections doc={session.doc} sections={step.sections} />
          </>
        )}
      </div>
    </main>
  );
}

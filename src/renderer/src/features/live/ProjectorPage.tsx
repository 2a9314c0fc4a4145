import { motion } from 'framer-motion';
import { useMemo } from 'react';
import { kindLabel } from '@shared/planning';
import { useMeeting } from '@renderer/api/use-meeting';
import { ProjectorCommitments } from '../commitments/ProjectorCommitments';
import { ProjectorAgreement, useProjectedAgreement } from '../agreements/ProjectorAgreement';
import { ProjectorDecision } from '../decisions/ProjectorDecision';
import { ProjectorCheckout } from '../health/ProjectorCheckout';
import { AgendaProgress } from './AgendaProgress';
import { Countdown } from './Countdown';
import { liveView, turnWarning } from './live-model';
import { useServerNow } from './server-clock';

/**
 * What the room sees: the current item, a countdown readable from the back, who speaks now
 * and next, and the agenda's progress. It only shows; it follows the console through events.
 */
export function ProjectorPage({ meetingId }: { meetingId: string }) {
  const query = useMeeting(meetingId);
  const agreement = useProjectedAgreement(meetingId);
  const detail = query.data;
  const now = useServerNow(detail?.serverNow);
  const view = useMemo(() => (detail ? liveView(detail) : null), [detail]);
  const itemRemaining = useMemo(() => () => view?.itemRemaining(now()) ?? null, [view, now]);
  const turnRemaining = useMemo(() => () => view?.turnRemaining(now()) ?? null, [view, now]);
  if (!detail || !view) return <div className="projector" aria-busy="true" />;
  const { meeting } = detail;
  const current = view.current;

  return (
    <div
      className={`projector${view.paused ? ' is-paused' : ''}${current && ['proposal', 'commitment_review', 'recognition', 'check_out'].includes(current.kind) ? ' has-proposal' : ''}`}
    >
      <header className="projector-head">
        <span className="projector-meeting">{meeting.title}</span>
        <span className="projector-team">{meeting.teamName}</span>
      </header>
      <main className="projector-main">
        {agreement && meeting.status !== 'ended' && <ProjectorAgreement agreement={agreement} />}
        {!agreement && meeting.status === 'planned' && (
          <div className="projector-welcome">
            <h1>{meeting.title}</h1>
            <p>
              Starting soon · {detail.items.length} items · {meeting.plannedLengthMin} minutes
            </p>
          </div>
        )}
        {meeting.status === 'ended' && (
          <div className="projector-welcome">
            <h1>Thank you</h1>
            <p>The meeting has ended.</p>
          </div>
        )}
        {!agreement && meeting.status === 'live' && (
          <>
            {/* Motion is decoration only: text is fully visible from the first frame, even if an animation never runs. */}
            <motion.div
              key={current?.id ?? 'done'}
              className="projector-item"
              initial={{ y: 28 }}
              animate={{ y: 0 }}
              transition={{ duration: 0.35 }}
            >
              {current && kindLabel(current.kind) !== current.title && <span className="projector-kind">{kindLabel(current.kind)}</span>}
              <h1 className="projector-title">{current ? current.title : 'All items are done'}</h1>
            </motion.div>
            {current && <Countdown remaining={itemRemaining} className="projector-countdown" label="Time left for this item" />}
            {view.paused && <p className="projector-paused">Paused</p>}
            {current?.kind === 'proposal' && <ProjectorDecision detail={detail} itemId={current.id} />}
            {current && <ProjectorCommitments detail={detail} itemId={current.id} kind={current.kind} />}
            {current?.kind === 'check_out' && <ProjectorCheckout feedback={detail.feedback} />}
            {view.speaking && (
              <motion.div
                key={view.speaking.id}
                className="projector-speaker"
                initial={{ x: 48 }}
                animate={{ x: 0 }}
                transition={{ duration: 0.3 }}
              >
                <span className="projector-label">Speaking</span>
                <span className="projector-speaker-name">{view.speaking.name}</span>
                <Countdown
                  remaining={turnRemaining}
                  className="projector-turn-countdown"
                  label={`Time left for ${view.speaking.name}`}
                  warningMs={turnWarning(view.speaking.timeboxMs)}
                />
                {view.upNext && <span className="projector-next">Next: {view.upNext.name}</span>}
              </motion.div>
            )}
          </>
        )}
      </main>
      <aside className="projector-side">
        <AgendaProgress detail={detail} now={now} large />
      </aside>
    </div>
  );
}

import { memo, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { kindLabel, type MeetingDetail } from '@shared/planning';
import { useMeeting } from '@renderer/api/use-meeting';
import { useFormat } from '@renderer/app/settings-context';
import { ProjectorCommitments } from '../commitments/ProjectorCommitments';
import { ProjectorAgreement, useProjectedAgreement } from '../agreements/ProjectorAgreement';
import { projectedProposal } from '../decisions/in-room';
import { ProjectorDecisionReview } from '../decisions/ConsoleDecisionReview';
import { ProjectorDecision } from '../decisions/ProjectorDecision';
import { complete } from '../health/feedback-model';
import { ProjectorCheckout } from '../health/ProjectorCheckout';
import { AgendaProgress } from './AgendaProgress';
import { Countdown } from './Countdown';
import { itemTimers, liveView, turnTimer, turnWarning, type ScheduledItem } from './live-model';
import { MeetingClockLine } from './MeetingClockLine';
import { useEnterMotion } from './enter-motion';
import { useServerNow } from './server-clock';
import { TITLE_FIT_CLASSES, useTitleFit } from './title-fit';
import { usePanelsBehind, useSchedule, useSteadyDetail } from './steady-detail';
import { plural } from '@renderer/ui/plural';

const SPEAKER_ENTERS: Keyframe = { transform: 'translateX(48px)' };

/** Items whose content fills the page: their title takes less room, never the countdown. */
const FULL_ITEMS = ['proposal', 'commitment_review', 'recognition', 'check_out'];

/**
 * What the room sees: the meeting's title and its own time, the current item, a countdown readable from the back
 * (in the same corner and at the same size on every kind of item), who speaks now and next, and the agenda's
 * progress. It only shows; it follows the console through events.
 */
export function ProjectorPage({ meetingId }: { meetingId: string }) {
  const query = useMeeting(meetingId);
  const format = useFormat();
  const agreement = useProjectedAgreement(meetingId);
  const detail = query.data;
  const schedule = useSchedule(meetingId);
  const steady = useSteadyDetail(detail, schedule);
  const now = useServerNow(detail?.serverNow);
  const view = useMemo(() => (detail ? liveView(detail) : null), [detail]);
  // The item without its notes, the turn and the clock: each keeps its identity across other actions (a note, a
  // turn), so no countdown restarts and the item's panels render only when their own data changes.
  const current = schedule?.find((i) => i.id === detail?.currentItemId) ?? null;
  const speakingTurn = view?.speaking ?? null;
  const clock = detail?.clock;
  const panels = usePanelsBehind(current, steady);
  const itemRemaining = useMemo(() => itemTimers(current, clock, now).remaining, [current, clock, now]);
  const turnRemaining = useMemo(() => turnTimer(speakingTurn, clock, now), [speakingTurn, clock, now]);
  // A new speaker comes in from the side.
  const speakerRef = useEnterMotion<HTMLDivElement>(speakingTurn?.id ?? null, SPEAKER_ENTERS, 300);
  const proposalTitle = current?.kind === 'proposal' && detail ? projectedProposal(detail, current.id)?.title : undefined;
  const titleText = proposalTitle ?? current?.title ?? 'All items are done';
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Measured again when the title comes back on screen (after the agreement was shown, or once the meeting is live).
  const titleFit = useTitleFit(titleRef, `${titleText}|${!agreement && detail?.meeting.status === 'live'}`);
  // The meeting's title steps down the same way (projector.css): at 200 characters its two lines cut it mid-sentence.
  // Measured again once the meeting is live, when the clock beside it takes its width, and on every item, when the
  // clock's words change width ("on time" to "10 min ahead · 10 min spare in the plan" cut it at a step measured before).
  const meetingRef = useRef<HTMLSpanElement>(null);
  // The clock's words change width within an item too ("on time" to "2 min behind · planned 10 min over the meeting's
  // length" as the item runs over), written by the clock itself and not by a render: its width is watched.
  const paceRef = useRef<HTMLDivElement>(null);
  const paceWidth = useWidth(paceRef, detail?.meeting.status === 'live');
  const meetingFit = useTitleFit(
    meetingRef,
    `${detail?.meeting.title ?? ''}|${detail?.meeting.status === 'live'}|${detail?.currentItemId}|${paceWidth}`,
  );
  if (!detail || !schedule || !steady || !view || !clock) return <div className="projector" aria-busy="true" />;
  const { meeting } = detail;
  const live = meeting.status === 'live';
  // During a proposal the room reads the proposal's own title; the slot's title becomes its label.
  const proposal = current?.kind === 'proposal' ? projectedProposal(detail, current.id) : null;
  const label = proposal
    ? `${kindLabel('proposal')} · ${current!.title}`
    : current && kindLabel(current.kind) !== current.title
      ? kindLabel(current.kind)
      : null;
  // Once everyone has rated, the check-out shows its result, not whose turn it was.
  const speaking = current?.kind === 'check_out' && complete(detail.feedback) ? null : speakingTurn;

  return (
    <div className={`projector${view.paused ? ' is-paused' : ''}${current && FULL_ITEMS.includes(current.kind) ? ' has-proposal' : ''}`}>
      <header className="projector-head">
        <div className="projector-heading">
          <span ref={meetingRef} className={`projector-meeting${TITLE_FIT_CLASSES[meetingFit]}`}>
            {meeting.title}
          </span>
          <span className="projector-team">{meeting.teamName}</span>
        </div>
        {live && (
          <div ref={paceRef} className="projector-pace">
            <span className="projector-label">Meeting</span>
            <MeetingClockLine items={schedule} clock={clock} plannedLengthMin={meeting.plannedLengthMin} now={now} />
          </div>
        )}
      </header>
      <main className="projector-main">
        {agreement && meeting.status !== 'ended' && <ProjectorAgreement agreement={agreement} />}
        {!agreement && meeting.status === 'planned' && (
          // The meeting's title is the head's, fitted to the screen; said again here in 9vh type, a title of 200
          // characters ran off a 1280x720 screen and pushed "Starting soon" out of sight.
          <div className="projector-welcome">
            <h1>Starting soon</h1>
            <p>
              {meeting.scheduledStart !== null && `${format.dateTime(meeting.scheduledStart, meeting.timeZone)} · `}
              {plural(detail.items.length, 'item')} · {plural(meeting.plannedLengthMin, 'minute')}
            </p>
          </div>
        )}
        {meeting.status === 'ended' && (
          <div className="projector-welcome">
            <h1>Thank you</h1>
            <p>The meeting has ended.</p>
          </div>
        )}
        {!agreement && live && (
          <>
            {/* Motion is decoration only, a CSS animation (projector.css) the compositor runs: the text is in the DOM and
                visible from the first frame, no script runs per frame, and reduced motion turns it off. The speaker's
                block stays in place from turn to turn, its motion played again (enter-motion.ts). */}
            <div key={current?.id ?? 'done'} className="projector-item">
              {label && <span className="projector-kind">{label}</span>}
              <h1 ref={titleRef} className={`projector-title${TITLE_FIT_CLASSES[titleFit]}`}>
                {titleText}
              </h1>
            </div>
            {view.paused && <p className="projector-paused">Paused</p>}
            {panels.item && panels.detail && (
              <div className="item-panels" hidden={panels.stale}>
                <ProjectorItemPanels detail={panels.detail} current={panels.item} />
              </div>
            )}
            {speaking && (
              <div ref={speakerRef} className="projector-speaker">
                <span className="projector-label">Speaking</span>
                <span className="projector-speaker-name">{speaking.name}</span>
                <Countdown
                  remaining={turnRemaining}
                  className="projector-turn-countdown"
                  label={`Time left for ${speaking.name}`}
                  warningMs={turnWarning(speaking.timeboxMs)}
                />
                {view.upNext && <span className="projector-next">Next: {view.upNext.name}</span>}
              </div>
            )}
          </>
        )}
      </main>
      <aside className="projector-side">
        {!agreement && live && current && (
          <div className="projector-timer">
            <span className="projector-label">This item</span>
            <Countdown remaining={itemRemaining} className="projector-countdown" label="Time left for this item" />
          </div>
        )}
        {schedule.length > 0 && <AgendaProgress items={schedule} clock={clock} currentItemId={detail.currentItemId} now={now} large />}
      </aside>
    </div>
  );
}

/** The current item's own panels on the projector; memoised on the steady detail, so a turn renders none of them. */
const ProjectorItemPanels = memo(function ProjectorItemPanels({ detail, current }: { detail: MeetingDetail; current: ScheduledItem }) {
  return (
    <>
      {current.kind === 'proposal' && <ProjectorDecision detail={detail} itemId={current.id} />}
      <ProjectorCommitments detail={detail} itemId={current.id} kind={current.kind} />
      {current.kind === 'check_out' && <ProjectorCheckout feedback={detail.feedback} />}
      <ProjectorDecisionReview detail={detail} itemId={current.id} />
    </>
  );
});

/** The element's width in whole pixels, followed as it changes (0 while it is not shown). */
function useWidth(ref: RefObject<HTMLElement | null>, shown: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(el.getBoundingClientRect().width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, shown]);
  return width;
}

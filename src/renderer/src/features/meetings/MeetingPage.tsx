import { useState } from 'react';
import { useMutation } from '@renderer/api/hooks';
import { useMeeting } from '@renderer/api/use-meeting';
import { openProjector } from '@renderer/api/platform';
import { href, navigate } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MeetingCommitments } from '../commitments/MeetingCommitments';
import { MeetingDecisions } from '../decisions/MeetingDecisions';
import { SpeakingTime } from '../live/SpeakingTime';
import { AddItemForm } from './AddItemForm';
import { AgendaList } from './AgendaList';
import { AmendPanel } from './AmendPanel';
import { AttendancePanel } from './AttendancePanel';
import { CallOffForm, CalledOffNotice } from './CallOff';
import { DetailsForm } from './DetailsForm';
import { MeetingActions } from './MeetingActions';
import { MinutesPanel } from './MinutesPanel';
import { FeedbackPanel } from '../health/FeedbackPanel';
import { OldBusinessPanel } from './OldBusinessPanel';
import { TimeBudget } from './TimeBudget';
import { heldMinutes } from './time-words';
import { plural } from '@renderer/ui/plural';

const STATUS_LABEL = { planned: 'Planned', live: 'Live now', ended: 'Ended' } as const;

/** The planner: agenda, time budget, attendance and old business of one meeting. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const query = useMeeting(meetingId);
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [callingOff, setCallingOff] = useState(false);
  const startMeeting = useMutation('meetings.start');
  async function start() {
    if (await startMeeting.run({ meetingId })) navigate({ name: 'console', meetingId });
  }
  if (query.error && !query.data) {
    return (
      <div className="page">
        <ErrorAlert error={query.error} />
      </div>
    );
  }
  const detail = query.data;
  if (!detail) return <div className="page" aria-busy="true" />;
  const { meeting, items, members } = detail;
  const readOnly = meeting.status === 'ended';
  // A called-off meeting is kept as it was: restored, it can be planned and held again.
  const calledOff = meeting.calledOff !== null;
  const locked = readOnly || calledOff;
  const plannedMin = items.reduce((sum, i) => sum + i.plannedMin, 0);

  return (
    <div className="page page-wide">
      <header className="page-head meeting-head">
        <div>
          <p className="eyebrow">
            <a href={href({ name: 'team', teamId: meeting.teamId, tab: 'meetings' })}>{meeting.teamName}</a>
            {meeting.seriesName ? ` / ${meeting.seriesName}` : ''}
          </p>
          <h1>{meeting.title}</h1>
          <p className="sub">
            {calledOff ? (
              <span className="status-pill s-called-off">Called off</span>
            ) : (
              <span className={`status-pill s-${meeting.status}`}>{STATUS_LABEL[meeting.status]}</span>
            )}
            {meeting.startedAt !== null ? (
              // A meeting held says when it was held, not when it was planned for.
              <span>
                {meeting.status === 'ended' ? 'Held' : 'Started'} {format.dateTime(meeting.startedAt, meeting.timeZone)}
                {meeting.endedAt !== null && `–${format.time(meeting.endedAt, meeting.timeZone)}`}
              </span>
            ) : (
              meeting.scheduledStart !== null && <span>{format.dateTime(meeting.scheduledStart, meeting.timeZone)}</span>
            )}
            <span>{meeting.timeZone.replace(/_/g, ' ')}</span>
            <span>Facilitator: {meeting.facilitatorName ?? 'not chosen'}</span>
          </p>
        </div>
        <div className="head-actions">
          {!locked && !editing && (
            <button className="btn" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
          {meeting.status === 'planned' && !calledOff && !callingOff && (
            <button className="btn" onClick={() => setCallingOff(true)}>
              Call off
            </button>
          )}
          {!locked && (
            <button className="btn" onClick={() => void openProjector(meeting.id)}>
              Projector view
            </button>
          )}
          {meeting.status === 'planned' && !calledOff && (
            <button className="btn btn-primary" onClick={() => void start()}>
              Start meeting
            </button>
          )}
          {meeting.status === 'live' && (
            <a className="btn btn-primary" href={href({ name: 'console', meetingId: meeting.id })}>
              Open the console
            </a>
          )}
        </div>
      </header>
      <ErrorAlert error={startMeeting.error} />
      {calledOff ? (
        <CalledOffNotice meeting={meeting} />
      ) : (
        callingOff && <CallOffForm meeting={meeting} onDone={() => setCallingOff(false)} />
      )}
      {editing && !calledOff && <DetailsForm meeting={meeting} members={members} onDone={() => setEditing(false)} />}
      <div className="planner">
        <section className="planner-main" aria-labelledby="agenda-heading">
          <div className="section-head">
            <h2 id="agenda-heading">Agenda</h2>
            <span className="badge">{plural(items.length, 'item')}</span>
          </div>
          <TimeBudget plannedMin={plannedMin} lengthMin={meeting.plannedLengthMin} advise={!locked} heldMin={heldMinutes(meeting)} />
          <AgendaList items={items} members={members} revision={meeting.agendaRevision} readOnly={locked} />
          {!locked && <AddItemForm meetingId={meeting.id} revision={meeting.agendaRevision} members={members} />}
          <MeetingDecisions decisions={detail.decisions} />
          <MeetingCommitments detail={detail} />
          {meeting.status === 'ended' && <FeedbackPanel detail={detail} />}
          {meeting.status !== 'planned' && <MinutesPanel meetingId={meeting.id} draft={meeting.status !== 'ended'} />}
        </section>
        <aside className="planner-side">
          {readOnly && <AmendPanel detail={detail} />}
          <AttendancePanel meetingId={meeting.id} attendees={detail.attendees} readOnly={locked} />
          {meeting.status !== 'planned' && <SpeakingTime entries={detail.speakingTime} />}
          <OldBusinessPanel entries={detail.oldBusiness} teamId={detail.meeting.teamId} ended={readOnly} />
          <MeetingActions
            meetingId={meeting.id}
            teamId={meeting.teamId}
            revision={meeting.agendaRevision}
            readOnly={locked}
            hasItems={items.length > 0}
          />
        </aside>
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { Member, Team } from '@shared/domain';
import type { MeetingSummary, Series } from '@shared/planning';
import { call } from '@renderer/api/client';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { saveTextFile } from '@renderer/api/platform';
import { href, navigate } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { PlusIcon } from '@renderer/ui/icons';
import { zonedParts } from '@renderer/ui/zoned';
import { MeetingList } from '../meetings/MeetingList';
import { SeriesForm } from './SeriesForm';

/**
 * A series' card names the meeting under way (with its console) before the next one: it said "Next: Mon, Dec 7" while
 * the Nov 30 meeting was being held. The next one is the series' first planned meeting still to come (its page), or,
 * with none planned, the date "Plan next meeting" would take.
 */
function SeriesCard({ series, upcoming, onEdit }: { series: Series; upcoming: MeetingSummary[]; onEdit: () => void }) {
  const format = useFormat();
  const ours = upcoming.filter((m) => m.seriesId === series.id);
  const underWay = ours.find((m) => m.status === 'live') ?? null;
  const planned = ours.find((m) => m.status === 'planned' && !m.calledOff && m.scheduledStart !== null) ?? null;
  const next = useMutation('series.createNextMeeting');
  const [status, setStatus] = useState<string | null>(null);

  async function plan() {
    const created = await next.run({ seriesId: series.id });
    if (created) navigate({ name: 'meeting', meetingId: created.meetingId });
  }

  async function exportCalendar() {
    const file = await call('series.exportCalendar', { seriesId: series.id });
    const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'calendar', content: file.content });
    setStatus(
      outcome.status === 'saved' ? `Saved to ${outcome.path}` : outcome.status === 'download' ? `Downloaded ${file.suggestedName}` : null,
    );
  }

  return (
    <article className="card series-card" aria-label={`Series ${series.name}`}>
      <div>
        <h3>{series.name}</h3>
        <p className="series-rule">
          {series.ruleText} · {series.defaultLengthMin} min · {series.timeZone.replace(/_/g, ' ')}
        </p>
        {underWay && (
          <p className="series-under-way">
            Under way:{' '}
            <a href={href({ name: 'console', meetingId: underWay.id })}>
              <strong>{format.dateTime(underWay.startedAt ?? underWay.scheduledStart ?? 0, series.timeZone)}</strong>
            </a>{' '}
            <span className="status-pill s-live">Live now</span>
          </p>
        )}
        <p className="series-next">
          Next:{' '}
          {planned ? (
            <a href={href({ name: 'meeting', meetingId: planned.id })}>
              <strong>{format.dateTime(planned.scheduledStart!, series.timeZone)}</strong>
            </a>
          ) : (
            <>
              <strong>{format.dateTime(series.nextStartsAt, series.timeZone)}</strong> (not planned yet)
            </>
          )}
        </p>
      </div>
      <div className="series-actions">
        <button className="btn btn-primary" onClick={() => void plan()} disabled={next.pending}>
          Plan next meeting
        </button>
        <button className="btn btn-ghost" onClick={() => void exportCalendar()}>
          Calendar file (.ics)
        </button>
        <button className="btn btn-ghost" onClick={onEdit}>
          Edit
        </button>
      </div>
      <ErrorAlert error={next.error} />
      {status && <p className="status-saved">{status}</p>}
    </article>
  );
}

export function TeamMeetingsTab({ team, members }: { team: Team; members: Member[] }) {
  const series = useQuery('series.list', { teamId: team.id });
  const templates = useQuery('templates.list', { teamId: team.id });
  const meetings = useQuery('meetings.list', { teamId: team.id });
  const [editing, setEditing] = useState<Series | 'new' | null>(null);
  const [today] = useState(() => zonedParts(Date.now(), team.timeZone).date);

  return (
    <div className="tab-body">
      <section aria-labelledby="series-heading">
        <div className="section-head">
          <h2 id="series-heading">Meeting series</h2>
          {editing === null && (
            <button className="btn" onClick={() => setEditing('new')}>
              <PlusIcon /> New series
            </button>
          )}
        </div>
        <ErrorAlert error={series.error} />
        {editing !== null && templates.data && (
          <SeriesForm
            teamId={team.id}
            teamTimeZone={team.timeZone}
            members={members}
            templates={templates.data}
            series={editing === 'new' ? undefined : editing}
            today={today}
            onDone={() => setEditing(null)}
          />
        )}
        {series.data?.length === 0 && editing === null && (
          <p className="muted-note">
            No series yet. A series is the team&rsquo;s recurring meeting: when it meets, for how long, and from which agenda.
          </p>
        )}
        <div className="series-grid">
          {series.data?.map((s) => (
            <SeriesCard key={s.id} series={s} upcoming={meetings.data?.upcoming ?? []} onEdit={() => setEditing(s)} />
          ))}
        </div>
      </section>
      <section className="card list-card" aria-labelledby="team-upcoming-heading">
        <h2 id="team-upcoming-heading">Upcoming</h2>
        <MeetingList meetings={meetings.data?.upcoming ?? []} label="Upcoming meetings" showTeam={false} empty="Nothing planned yet." />
      </section>
      <section className="card list-card" aria-labelledby="team-past-heading">
        <h2 id="team-past-heading">Past</h2>
        <MeetingList meetings={meetings.data?.past ?? []} label="Past meetings" showTeam={false} empty="No meetings held yet." />
      </section>
    </div>
  );
}

import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MeetingList } from './MeetingList';

/** Every team's meetings: what is coming, and the record of what was held. */
export function MeetingsPage() {
  const lists = useQuery('meetings.list', { teamId: null });
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Meetings</p>
          <h1>Meetings</h1>
          <p className="sub">Plan the next one from a team&rsquo;s series; past meetings open read-only.</p>
        </div>
      </header>
      <ErrorAlert error={lists.error} />
      <section className="card list-card" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming</h2>
        <MeetingList
          meetings={lists.data?.upcoming ?? []}
          label="Upcoming meetings"
          showTeam
          empty="No meetings planned. Open a team, add a meeting series, and plan the next meeting with one click."
        />
      </section>
      <section className="card list-card" aria-labelledby="past-heading">
        <h2 id="past-heading">Past</h2>
        <MeetingList meetings={lists.data?.past ?? []} label="Past meetings" showTeam empty="No meetings have been held yet." />
      </section>
    </div>
  );
}

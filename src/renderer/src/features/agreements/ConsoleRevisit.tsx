import type { MeetingDetail } from '@shared/planning';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { revisitDueInItem } from '../live/due-in-item';
import { RevisitPanel } from './RevisitPanel';

function Due({ teamId, meetingId }: { teamId: string; meetingId: string }) {
  const agreement = useQuery('agreements.get', { teamId });
  const a = agreement.data;
  if (!a?.current || !a.revisitDue) return null;
  return (
    <div className="console-revisit">
      <RevisitPanel versionId={a.current.id} version={a.current.version} revisitBy={a.revisitBy!} today={a.today} meetingId={meetingId} />
      <p className="muted-note">
        Show it on the projector to read it together, or <a href={href({ name: 'team', teamId, tab: 'agreement' })}>change it</a> (a new
        version).
      </p>
    </div>
  );
}

/** In the item where old business put it, a due revisit of the agreement is taken up in the room. */
export function ConsoleRevisit({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  return revisitDueInItem(detail, itemId) ? <Due teamId={detail.meeting.teamId} meetingId={detail.meeting.id} /> : null;
}

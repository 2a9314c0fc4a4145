import type { EpochMs } from '@shared/domain';
import type { MeetingDetail } from '@shared/planning';
import type { Repositories } from '../../db/repositories';

/**
 * The instants at which the room recorded something while the meeting ran that the meeting's detail carries with
 * no item and no time: a review (or an amendment) of a decision due for review here, a revisit or new version of
 * the team's agreement, a parking-lot item old business put on the agenda closed. The minutes place each in the
 * item that was running then, so an item the room worked in is never read as skipped (see skippedItems).
 */
export function recordedDuring(repos: Repositories, detail: MeetingDetail): EpochMs[] {
  const { meeting, oldBusiness, decisions } = detail;
  if (meeting.startedAt === null) return [];
  const from = meeting.startedAt;
  const to = meeting.endedAt ?? detail.serverNow;
  const refs = (source: string) => [...new Set(oldBusiness.filter((o) => o.source === source).map((o) => o.refId))];
  const decisionIds = new Set([...refs('decision_review'), ...decisions.map((d) => d.id)]);
  const agreement = refs('agreement_revisit');
  const parked = refs('parking_lot');
  const at: EpochMs[] = [
    // One read for every decision reviewed or worked on here, however many (not one per decision).
    ...[...repos.meetings.amendmentsOf('decision', [...decisionIds]).values()].flatMap((list) => list.map((a) => a.at)),
    ...(agreement.length > 0 ? repos.agreements.revisits(agreement).map((r) => r.at) : []),
    ...(agreement.length > 0 ? repos.agreements.versions(meeting.teamId).map((v) => v.createdAt) : []),
    ...parked.flatMap((id) => repos.parkingLot.find(id)?.closedAt ?? []),
  ];
  return at.filter((t) => t >= from && t <= to);
}

import type { MeetingDetail } from '@shared/planning';

/** Members the room can hear from: those marked present or late (everyone, if attendance was not taken). */
export function membersInRoom(detail: MeetingDetail): { memberId: string; name: string }[] {
  const withMember = detail.attendees.filter((a) => a.memberId !== null);
  const marked = withMember.some((a) => a.status !== 'expected');
  return withMember
    .filter((a) => (marked ? a.status === 'present' || a.status === 'late' : true))
    .map((a) => ({ memberId: a.memberId!, name: a.name }));
}

/** The proposals that belong to an agenda item, including one carried into it from an earlier meeting. */
export function decisionsOfItem(detail: MeetingDetail, itemId: string) {
  const carried = new Set(detail.oldBusiness.filter((o) => o.source === 'open_proposal' && o.agendaItemId === itemId).map((o) => o.refId));
  return detail.decisions.filter((d) => d.agendaItemId === itemId || carried.has(d.id));
}

/** The proposal the room is looking at in an item: the open one, else the last one put. */
export function projectedProposal(detail: MeetingDetail, itemId: string) {
  const list = decisionsOfItem(detail, itemId);
  return list.find((d) => d.status === 'proposed') ?? list.at(-1) ?? null;
}

import type { Laptop } from './sync-world';

/** What a laptop's people do between syncs, through the real operations. */
export async function activeMembers(l: Laptop, teamId: string): Promise<{ id: string; name: string }[]> {
  return (await l.t.call('teams.get', { teamId })).members.filter((m) => m.leftAt === null);
}

/** Holds a meeting from start to end: a proposal accepted with the room's consent and a commitment made in it. */
export async function holdMeeting(
  l: Laptop,
  teamId: string,
  title: string,
  date: string,
): Promise<{ meetingId: string; decisionId: string; commitmentId: string }> {
  const { meetingId } = await l.t.call('meetings.create', { teamId, title, date, time: '10:00', lengthMin: 30 });
  let d = await l.t.call('meetings.get', { meetingId });
  d = await l.t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'proposal',
    title: 'Proposals',
    plannedMin: 15,
  });
  await l.t.call('attendance.allPresent', { meetingId });
  await l.t.call('meetings.start', { meetingId });
  const [owner, proposer] = await activeMembers(l, teamId);
  const decision = await l.t.call('decisions.propose', {
    meetingId,
    agendaItemId: d.items.find((i) => i.kind === 'proposal')!.id,
    title: `${title}: on-call rota`,
    question: 'Who carries the pager?',
    decision: 'A weekly rota.',
    options: [],
    proposerId: (proposer ?? owner)!.id,
    ownerId: owner!.id,
  });
  await l.t.call('decisions.readBack', { decisionId: decision.id, on: true });
  await l.t.call('decisions.decide', { decisionId: decision.id, outcome: 'accepted' });
  const commitment = await l.t.call('commitments.create', {
    meetingId,
    teamId,
    ownerId: owner!.id,
    outcome: `${title}: rota published`,
    dueDate: '2026-12-31',
    confirmPastDue: true,
  });
  await l.t.call('meetings.end', { meetingId });
  return { meetingId, decisionId: decision.id, commitmentId: commitment.id };
}

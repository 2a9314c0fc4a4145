import type { DecisionDetail } from '../../src/shared/decisions';
import type { TestCore } from './core';

export interface Room {
  teamId: string;
  meetingId: string;
  itemId: string;
  member: { Ana: string; Ben: string; Cleo: string; Dan: string };
}

/** Set-up for decision tests, on the test's current core. */
export function decisionFixture(getT: () => TestCore) {
  /** A live meeting of a team of four (Ana, Ben, Cleo, Dan; Dan absent) on a proposal item. */
  async function room(title = 'Weekly', date = '2026-11-24', teamId?: string): Promise<Room> {
    const tid =
      teamId ?? (await getT().call('teams.create', { name: 'Ops', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben', 'Cleo', 'Dan'] })).id;
    const { meetingId } = await getT().call('meetings.create', { teamId: tid, title, date, time: '10:00', lengthMin: 30 });
    let d = await getT().call('meetings.get', { meetingId });
    d = await getT().call('agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Proposals',
      plannedMin: 15,
    });
    for (const a of d.attendees) await getT().call('attendance.set', { attendeeId: a.id, status: a.name === 'Dan' ? 'absent' : 'present' });
    await getT().call('meetings.start', { meetingId });
    const member = Object.fromEntries(d.members.map((m) => [m.name, m.id])) as Room['member'];
    return { teamId: tid, meetingId, itemId: d.items[0]!.id, member };
  }

  async function propose(r: Room, title = 'Release every two weeks', extra: Record<string, unknown> = {}): Promise<DecisionDetail> {
    return getT().call('decisions.propose', {
      meetingId: r.meetingId,
      agendaItemId: r.itemId,
      title,
      question: 'Should we release every two weeks?',
      decision: 'Release every second Thursday.',
      options: [{ title: 'Weekly', pros: 'Rhythm', cons: 'Testing cost' }],
      proposerId: r.member.Ben,
      ownerId: r.member.Ana,
      ...extra,
    });
  }

  async function accept(decisionId: string): Promise<DecisionDetail> {
    await getT().call('decisions.readBack', { decisionId, on: true });
    return getT().call('decisions.decide', { decisionId, outcome: 'accepted' });
  }
  return { room, propose, accept };
}

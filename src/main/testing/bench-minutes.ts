import type { CadenceCore } from '../core/cadence-core';
import { minutesHtml } from '../services/minutes/minutes-html';
import { minutesMarkdown } from '../services/minutes/minutes-markdown';

/**
 * The meeting the minutes target is written for: three hours, 40 items, 20 decisions with
 * positions and 100 commitments, held through the real services on the seeded database.
 * Returns the meeting's id; rendering it is then timed by the caller.
 */
export async function holdBigMeeting(core: CadenceCore, teamId: string, advance: (ms: number) => void): Promise<string> {
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatcher.dispatch(name as never, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as never;
  };
  const members = core.services.teams.get(teamId).members.filter((m) => m.leftAt === null);
  const { meetingId } = await call('meetings.create', {
    teamId,
    title: 'Quarterly planning',
    date: '2026-12-07',
    time: '09:00',
    lengthMin: 180,
  });
  for (let i = 0; i < 40; i++) {
    const revision = core.services.meetingView.detail(meetingId).meeting.agendaRevision;
    const kind = i === 0 ? 'check_in' : i % 2 ? 'proposal' : 'discussion';
    await call('agenda.addItem', { meetingId, expectedRevision: revision, kind, title: `Item ${i + 1}: planning topic`, plannedMin: 4 });
  }
  for (const a of core.services.meetingView.detail(meetingId).attendees)
    await call('attendance.set', { attendeeId: a.id, status: 'present' });
  await call('meetings.start', { meetingId });
  const items = core.services.meetingView.detail(meetingId).items;
  let decisions = 0;
  let commitments = 0;
  for (const item of items) {
    advance(4.5 * 60_000);
    await call('live.setNotes', { meetingId, itemId: item.id, notes: `Discussed ${item.title}.\n\nNext steps agreed by the room.` });
    if (item.kind === 'proposal' && decisions < 20) {
      decisions++;
      const d = (await call('decisions.propose', {
        meetingId,
        agendaItemId: item.id,
        title: `Decision ${decisions}`,
        decision: 'We will do the planned thing this quarter.',
        rationale: 'It serves the goal we set and costs least.',
        ownerId: members[0]!.id,
      })) as { id: string };
      for (const [i, m] of members.entries()) {
        await call('decisions.position', { decisionId: d.id, memberId: m.id, stance: i === 1 ? 'stand_aside' : 'agree' });
      }
      await call('decisions.readBack', { decisionId: d.id, on: true });
      await call('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    }
    for (let c = 0; c < 3 && commitments < 100; c++) {
      commitments++;
      await call('commitments.create', {
        meetingId,
        agendaItemId: item.id,
        ownerId: members[commitments % members.length]!.id,
        outcome: `Outcome ${commitments} is visible to the team`,
        dueDate: '2026-12-21',
      });
    }
    if (item !== items[items.length - 1]) await call('live.next', { meetingId });
  }
  await call('meetings.end', { meetingId });
  return meetingId;
}

export function renderMinutes(core: CadenceCore, meetingId: string): { markdown: () => unknown; html: () => unknown } {
  const source = core.services.minutes.source(meetingId);
  return { markdown: () => minutesMarkdown(source), html: () => minutesHtml(source) };
}

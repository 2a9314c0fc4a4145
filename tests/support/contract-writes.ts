import { execFileSync } from 'node:child_process';
import { AGREEMENT_STARTERS } from '../../src/shared/agreement-starters';
import type { InputOf, OperationName } from '../../src/shared/contract';
import type { MeetingDetail } from '../../src/shared/planning';
import type { TestCore } from './core';
import type { World } from './contract-world';

/** A write to run with an input made from the world as the writes before it left it. */
export interface WriteStep<K extends OperationName = OperationName> {
  name: K;
  input: (w: World, t: TestCore) => InputOf<K> | Promise<InputOf<K>>;
}

const step = <K extends OperationName>(name: K, input: WriteStep<K>['input']): WriteStep => ({ name, input }) as never;

const demoMeeting = (w: World, status: MeetingDetail['meeting']['status']): MeetingDetail => {
  const found = w.meetings.find((m) => m.meeting.teamId === w.demoTeamId && m.meeting.status === status);
  if (!found) throw new Error(`The fixture has no ${status} meeting of the demo team`);
  return found;
};
const live = (w: World) => demoMeeting(w, 'live');
const planned = (w: World) => demoMeeting(w, 'planned');
const held = (w: World) => demoMeeting(w, 'ended');
const openInReview = (w: World) => live(w).commitments.review.filter((c) => c.status !== 'done' && c.status !== 'dropped');
const activeMembers = (w: World) => w.members.filter((m) => m.teamId === w.demoTeamId && m.leftAt === null);
const itemOf = (m: MeetingDetail, kind: string) => {
  const item = m.items.find((i) => i.kind === kind);
  if (!item) throw new Error(`Meeting ${m.meeting.title} has no ${kind} item`);
  return item;
};
const openProposal = (w: World) => {
  const d = live(w).decisions.find((x) => x.status === 'proposed');
  if (!d) throw new Error('The live meeting has no open proposal');
  return d;
};

/**
 * Every write, in an order where each finds what it needs: the demo team first, then planning, the team and its
 * agreement, a meeting run from start to end with every live action, and last the writes that replace the database.
 */
export const WRITE_STEPS: WriteStep[] = [
  step('demo.load', () => ({})),
  step('settings.update', () => ({ theme: 'dark', chime: true })),
  step('me.set', (w) => ({ teamId: w.demoTeamId, memberId: activeMembers(w)[0]!.id })),
  step('teams.create', () => ({ name: 'Second team', timeZone: 'Europe/Paris', members: ['Zed', 'Yva'] })),
  step('teams.rename', (w) => ({ teamId: w.demoTeamId, name: 'Northwind renamed' })),
  step('teams.setTimeZone', (w) => ({ teamId: w.demoTeamId, timeZone: 'America/New_York' })),
  step('members.add', (w) => ({ teamId: w.demoTeamId, name: 'Newcomer', roleTitle: 'Analyst' })),
  step('members.update', (w) => ({ memberId: activeMembers(w)[1]!.id, name: 'Renamed Person', roleTitle: null })),
  step('members.markLeft', (w) => ({ memberId: activeMembers(w)[2]!.id })),
  step('members.rejoin', (w) => ({ memberId: w.members.find((m) => m.teamId === w.demoTeamId && m.leftAt !== null)!.id })),
  step('roles.create', (w) => ({ teamId: w.demoTeamId, name: 'Scribe', purpose: 'Minutes', holderId: activeMembers(w)[0]!.id })),
  step('roles.update', (w) => ({ roleId: w.roleIds.at(-1)!, name: 'Scribe and timekeeper', purpose: 'Minutes and time' })),
  step('roles.assign', (w) => ({ roleId: w.roleIds.at(-1)!, memberId: activeMembers(w)[1]!.id })),
  step('roles.retire', (w) => ({ roleId: w.roleIds.at(-1)! })),
  step('agreements.adoptStarter', (w) => ({
    teamId: w.teamIds.find((id) => id !== w.demoTeamId)!,
    starter: AGREEMENT_STARTERS[0]!.key,
    revisitBy: '2027-03-01',
  })),
  step('agreements.edit', async (w, t) => {
    const a = await t.call('agreements.get', { teamId: w.demoTeamId });
    return {
      teamId: w.demoTeamId,
      basedOnId: a.current!.id,
      body: a.current!.body as never,
      changeNote: 'Clarified',
      revisitBy: '2027-04-01',
    };
  }),
  step('agreements.revisit', async (w, t) => {
    const a = await t.call('agreements.get', { teamId: w.demoTeamId });
    return { versionId: a.current!.id, meetingId: null, note: 'Still stands', nextRevisitBy: '2027-05-01' };
  }),
  step('series.create', (w) => ({
    teamId: w.demoTeamId,
    name: 'Monthly review',
    cadence: 'monthly',
    monthDay: 3,
    startTime: '15:00',
    startsOn: '2026-12-01',
    defaultLengthMin: 60,
  })),
  step('series.update', (w) => ({
    seriesId: w.seriesIds.at(-1)!,
    name: 'Monthly review, renamed',
    cadence: 'monthly',
    monthDay: 4,
    startTime: '15:30',
    startsOn: '2026-12-01',
    defaultLengthMin: 45,
  })),
  step('series.createNextMeeting', (w) => ({ seriesId: w.seriesIds.at(-1)! })),
  step('meetings.create', (w) => ({ teamId: w.demoTeamId, title: 'Offsite', date: '2026-12-10', time: '09:00', lengthMin: 90 })),
  // Called off and put back on at once, so the writes after it find the meeting as it was.
  step('meetings.callOff', (w) => ({
    meetingId: w.meetings.find((m) => m.meeting.title === 'Offsite')!.meeting.id,
    reason: 'Venue fell through',
  })),
  step('meetings.restore', (w) => ({ meetingId: w.meetings.find((m) => m.meeting.title === 'Offsite')!.meeting.id })),
  step('meetings.updateDetails', (w) => {
    const m = planned(w).meeting;
    return {
      meetingId: m.id,
      expectedRevision: m.agendaRevision,
      title: `${m.title} (moved)`,
      date: '2026-11-30',
      time: '09:30',
      lengthMin: 60,
    };
  }),
  step('agenda.addItem', (w) => {
    const m = planned(w).meeting;
    return { meetingId: m.id, expectedRevision: m.agendaRevision, kind: 'discussion', title: 'Hiring plan', plannedMin: 5 };
  }),
  step('agenda.updateItem', (w) => {
    const m = planned(w);
    const item = m.items.at(-1)!;
    return { itemId: item.id, expectedRevision: m.meeting.agendaRevision, kind: item.kind, title: 'Hiring plan, revised', plannedMin: 6 };
  }),
  step('agenda.moveItem', (w) => {
    const m = planned(w);
    return { itemId: m.items.at(-1)!.id, expectedRevision: m.meeting.agendaRevision, toIndex: 1 };
  }),
  step('agenda.removeItem', (w) => {
    const m = planned(w);
    return { itemId: m.items[1]!.id, expectedRevision: m.meeting.agendaRevision };
  }),
  step('templates.saveFromMeeting', (w) => ({ meetingId: planned(w).meeting.id, name: 'Our weekly' })),
  step('agenda.applyTemplate', async (w, t) => {
    const offsite = w.meetings.find((m) => m.meeting.title === 'Offsite')!;
    const templates = await t.call('templates.list', { teamId: w.demoTeamId });
    return { meetingId: offsite.meeting.id, expectedRevision: offsite.meeting.agendaRevision, templateId: templates.at(-1)!.id };
  }),
  step('attendance.set', (w) => ({ attendeeId: planned(w).attendees[0]!.id, status: 'present' })),
  step('attendance.allPresent', (w) => ({ meetingId: planned(w).meeting.id })),
  step('attendance.addGuest', (w) => ({ meetingId: planned(w).meeting.id, name: 'Visiting Guest' })),
  step('parkingLot.add', (w) => ({ teamId: w.demoTeamId, title: 'Office move', notes: 'After the holidays' })),
  step('parkingLot.update', (w) => ({ itemId: w.parkingLot.at(-1)!.id, title: 'Office move, spring', notes: 'March' })),
  step('parkingLot.close', (w) => ({ itemId: w.parkingLot.find((p) => p.status === 'open')!.id, status: 'discussed' })),
  step('parkingLot.reopen', (w) => ({ itemId: w.parkingLot.find((p) => p.status !== 'open')!.id })),
  step('commitments.create', (w) => ({
    teamId: w.demoTeamId,
    ownerId: activeMembers(w)[0]!.id,
    outcome: 'Send the draft budget',
    dueDate: '2026-12-20',
  })),
  step('commitments.reassign', (w) => ({ commitmentId: w.commitmentIds[0]!, ownerId: activeMembers(w)[1]!.id, reason: 'Hand-over' })),
  step('meetings.amend', (w) => ({
    meetingId: held(w).meeting.id,
    reason: 'Typo in the title',
    title: `${held(w).meeting.title} (amended)`,
  })),
  step('decisions.amend', async (w, t) => {
    const accepted = (await t.call('decisions.search', { teamId: w.demoTeamId, statuses: ['accepted'], limit: 500 })).rows[0]!;
    return { decisionId: accepted.id, reason: 'Clarify the rationale', rationale: 'Clearer words' };
  }),
  step('decisions.review', async (w, t) => {
    const accepted = (await t.call('decisions.search', { teamId: w.demoTeamId, statuses: ['accepted'], limit: 500 })).rows[0]!;
    return { decisionId: accepted.id, nextReviewDate: '2027-06-01', note: 'Still right' };
  }),
  step('meetings.start', async (w, t) => {
    // Set-up before the reads: a room where everyone came, so the check-in round has speakers.
    for (const a of planned(w).attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    return { meetingId: planned(w).meeting.id };
  }),
  step('live.turn', (w) => ({ meetingId: live(w).meeting.id, action: 'next' })),
  step('live.setTurnNotes', (w) => ({ meetingId: live(w).meeting.id, turnId: live(w).turns[0]!.id, notes: 'Good week' })),
  step('live.next', (w) => ({ meetingId: live(w).meeting.id })),
  step('live.previous', (w) => ({ meetingId: live(w).meeting.id })),
  step('live.pause', (w) => ({ meetingId: live(w).meeting.id })),
  step('live.resume', (w) => ({ meetingId: live(w).meeting.id })),
  step('live.extend', (w) => ({ meetingId: live(w).meeting.id, minutes: 5 })),
  step('live.setNotes', (w) => ({ meetingId: live(w).meeting.id, itemId: live(w).currentItemId!, notes: 'Notes typed live' })),
  step('decisions.propose', (w) => ({
    meetingId: live(w).meeting.id,
    agendaItemId: itemOf(live(w), 'proposal').id,
    title: 'Adopt pair reviews',
    question: 'Should every change get a pair review?',
    decision: 'Every change gets a pair review.',
    proposerId: activeMembers(w)[0]!.id,
    ownerId: activeMembers(w)[1]!.id,
  })),
  step('decisions.update', (w) => ({ decisionId: openProposal(w).id, rationale: 'Fewer defects' })),
  step('decisions.position', (w) => ({
    decisionId: openProposal(w).id,
    memberId: activeMembers(w)[2]!.id,
    stance: 'disagree',
    reason: 'Too slow',
  })),
  step('decisions.resolveObjection', (w) => {
    const objection = openProposal(w).objections.find((o) => o.resolution === null)!;
    return { objectionId: objection.id, resolution: 'withdrawn', note: 'Convinced' };
  }),
  step('decisions.readBack', (w) => ({ decisionId: openProposal(w).id, on: true })),
  step('decisions.decide', (w) => ({ decisionId: openProposal(w).id, outcome: 'accepted' })),
  step('commitments.record', (w) => ({
    commitmentId: live(w).commitments.review[0]!.id,
    meetingId: live(w).meeting.id,
    outcome: 'on_track',
  })),
  // Done closes it: the lists that hold it change, not only its row.
  step('commitments.record', (w) => ({
    commitmentId: live(w).commitments.review.find((c) => c.status !== 'done' && c.status !== 'dropped' && c.events.length === 1)!.id,
    meetingId: live(w).meeting.id,
    outcome: 'done',
  })),
  // A new date moves it in the walk; a corrective commitment joins what the meeting made; dropped closes it.
  step('commitments.record', (w) => ({
    commitmentId: openInReview(w)
      .filter((c) => c.dueDate !== '2026-11-27')
      .at(-1)!.id,
    meetingId: live(w).meeting.id,
    outcome: 'renegotiated',
    newDueDate: '2026-11-27',
    reason: 'Waiting on the vendor',
  })),
  step('commitments.record', (w) => ({
    commitmentId: openInReview(w)[0]!.id,
    meetingId: live(w).meeting.id,
    outcome: 'slipped',
    rootCause: 'missing_resource',
    correctiveAction: 'Book the test rig',
    corrective: { ownerId: activeMembers(w)[1]!.id, dueDate: '2026-12-04' },
  })),
  step('commitments.record', (w) => ({
    commitmentId: openInReview(w)[0]!.id,
    meetingId: live(w).meeting.id,
    outcome: 'dropped',
    reason: 'No longer needed',
  })),
  step('feedback.give', (w) => ({ meetingId: live(w).meeting.id, attendeeId: null, rating: 8 })),
  step('agreements.project', (w) => ({ meetingId: live(w).meeting.id, on: true })),
  step('live.park', (w) => ({ meetingId: live(w).meeting.id, itemId: live(w).currentItemId! })),
  step('live.rebalance', (w) => {
    const rest = live(w).items.filter((i) => i.status === 'pending');
    return { meetingId: live(w).meeting.id, allow: [{ itemId: rest[0]!.id, minutes: 1 }], cut: [rest.at(-1)!.id] };
  }),
  step('live.undo', (w) => ({ meetingId: live(w).meeting.id })),
  step('meetings.end', (w) => ({ meetingId: live(w).meeting.id })),
  step('health.startRetrospective', (w) => ({ teamId: w.demoTeamId, date: '2026-12-02', time: '10:00' })),
  step('backups.create', () => ({})),
  step('windows.openProjector', (w) => ({ meetingId: w.meetings[0]!.meeting.id })),
  step('files.saveText', () => ({ suggestedName: 'notes.md', kind: 'markdown', content: '# Notes' })),
  step('links.openExternal', () => ({ url: 'https://example.org/' })),
  step('minutes.export', (w) => ({ meetingId: held(w).meeting.id, format: 'md' })),
  step('exports.decisionLogHtml', (w) => ({ teamId: w.demoTeamId })),
  step('exports.decisionsMadr', (w, t) => ({ teamId: w.demoTeamId, folder: `${t.dataDir}/madr-export` })),
  step('sync.link', (w, t) => {
    const remote = `${t.dataDir}/remote.git`;
    execFileSync('git', ['init', '--bare', '--quiet', remote]);
    return { teamId: w.demoTeamId, url: remote };
  }),
  step('sync.run', (w) => ({ teamId: w.demoTeamId })),
  step('sync.unlink', (w) => ({ teamId: w.demoTeamId })),
  step('archive.import', async (w, t) => ({ content: (await t.call('archive.export', { teamId: w.demoTeamId })).content })),
  step('backups.restore', (w) => ({ name: w.backupNames[0]! })),
];

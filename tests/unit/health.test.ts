import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaKind, MeetingDetail, MeetingLive } from '../../src/shared/planning';
import { openTestCore, type TestCore, liveAfter } from '../support/core';

const SEC = 1000;
const MIN = 60 * SEC;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

type Names = 'Ana' | 'Ben' | 'Cleo';

async function team(): Promise<{ teamId: string; member: Record<Names, string> }> {
  const { id } = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben', 'Cleo'] });
  const { members } = await t.call('teams.get', { teamId: id });
  return { teamId: id, member: Object.fromEntries(members.map((m) => [m.name, m.id])) as Record<Names, string> };
}

/** A planned meeting with the given items and attendance. */
async function planned(
  teamId: string,
  date: string,
  lengthMin: number,
  items: [AgendaKind, number][],
  absent: Names[] = [],
): Promise<MeetingDetail> {
  const { meetingId } = await t.call('meetings.create', { teamId, title: `Weekly ${date}`, date, time: '10:00', lengthMin });
  let d = await t.call('meetings.get', { meetingId });
  for (const [kind, plannedMin] of items) {
    d = await t.call('agenda.addItem', { meetingId, expectedRevision: d.meeting.agendaRevision, kind, title: kind, plannedMin });
  }
  for (const a of d.attendees) {
    await t.call('attendance.set', { attendeeId: a.id, status: absent.includes(a.name as Names) ? 'absent' : 'present' });
  }
  return d;
}

/** A meeting as above, started: the first item is current. */
async function meeting(...args: Parameters<typeof planned>): Promise<MeetingLive> {
  return t.call('meetings.start', { meetingId: (await planned(...args)).meeting.id });
}

/** Each speaker of the current round speaks for the given time, in order; then the round is over. */
async function round(meetingId: string, secondsEach: number[]): Promise<void> {
  for (const s of secondsEach) {
    t.clock.advance(s * SEC);
    await t.call('live.turn', { meetingId, action: 'next' });
  }
}

const attendee = (d: Pick<MeetingDetail, 'attendees'>, name: Names) => d.attendees.find((a) => a.name === name)!.id;

/**
 * The fixture: two held meetings of Ops (UTC). Timings, turns, ratings, decisions and commitments
 * are chosen so each figure can be worked out by hand below.
 */
async function history() {
  const { teamId, member } = await team();
  // B is planned before A is held, so nothing of A's carries into its agenda.
  const plannedB = await planned(
    teamId,
    '2026-11-17',
    8,
    [
      ['discussion', 5],
      ['check_out', 2],
    ],
    ['Cleo'],
  );
  // Meeting A, 10 Nov, 30 min planned: check-in 3, discussion 10, proposal 5, check-out 2.
  const a = await meeting(teamId, '2026-11-10', 30, [
    ['check_in', 3],
    ['discussion', 10],
    ['proposal', 5],
    ['check_out', 2],
  ]);
  await round(a.meeting.id, [60, 90, 30]); // Ana 60 s, Ben 90 s, Cleo 30 s: the check-in took 3 min
  await t.call('live.next', { meetingId: a.meeting.id });
  t.clock.advance(13.5 * MIN); // discussion: 13.5 of 10 min
  let d = await liveAfter(t, t.call('live.next', { meetingId: a.meeting.id }));
  const proposal = d.items.find((i) => i.kind === 'proposal')!.id;
  const propose = (title: string) =>
    t.call('decisions.propose', {
      meetingId: a.meeting.id,
      agendaItemId: proposal,
      title,
      question: `${title}?`,
      decision: title,
      proposerId: member.Ben,
      ownerId: member.Ana,
    });
  const d1 = await propose('Release every two weeks');
  await t.call('decisions.position', { decisionId: d1.id, memberId: member.Ana, stance: 'agree' });
  await t.call('decisions.position', { decisionId: d1.id, memberId: member.Ben, stance: 'disagree', reason: 'Fixes wait too long' });
  await t.call('decisions.position', { decisionId: d1.id, memberId: member.Cleo, stance: 'block', reason: 'No tests' });
  const [withdrawn, overruled] = (await t.call('decisions.get', { decisionId: d1.id })).objections;
  await t.call('decisions.resolveObjection', { objectionId: withdrawn!.id, resolution: 'withdrawn' });
  await t.call('decisions.resolveObjection', { objectionId: overruled!.id, resolution: 'overruled', note: 'Tests come with it' });
  const d2 = await propose('Move the stand-up');
  await t.call('decisions.position', { decisionId: d2.id, memberId: member.Ben, stance: 'disagree', reason: 'Clashes with school run' });
  const d3 = await propose('Rename the channel');
  await t.call('decisions.position', { decisionId: d3.id, memberId: member.Ana, stance: 'agree' });
  t.clock.advance(4 * MIN); // proposal: 4 of 5 min
  d = await liveAfter(t, t.call('live.next', { meetingId: a.meeting.id }));
  await round(a.meeting.id, [20, 20, 20]); // check-out round: 1 min
  await t.call('feedback.give', { meetingId: a.meeting.id, attendeeId: attendee(d, 'Ana'), rating: 8 });
  await t.call('feedback.give', { meetingId: a.meeting.id, attendeeId: attendee(d, 'Ben'), rating: 6, better: 'Shorter discussion' });
  await t.call('feedback.give', { meetingId: a.meeting.id, attendeeId: null, rating: 7, better: 'Start on time' });
  await t.call('live.next', { meetingId: a.meeting.id });
  await t.call('meetings.end', { meetingId: a.meeting.id });

  // Meeting B, 17 Nov, 8 min planned, Cleo absent: discussion 5 (runs 9), check-out 2 (runs 1).
  const b = await t.call('meetings.start', { meetingId: plannedB.meeting.id });
  t.clock.advance(9 * MIN);
  d = await liveAfter(t, t.call('live.next', { meetingId: b.meeting.id }));
  await round(b.meeting.id, [30, 30]);
  await t.call('feedback.give', { meetingId: b.meeting.id, attendeeId: attendee(d, 'Ana'), rating: 9 });
  await t.call('feedback.give', { meetingId: b.meeting.id, attendeeId: attendee(d, 'Ben'), rating: 10 });
  await t.call('meetings.end', { meetingId: b.meeting.id });

  // Commitments: one due today and done today (on time), one due four days ago and still open.
  const done = await t.call('commitments.create', { teamId, ownerId: member.Ana, outcome: 'Ship the fix', dueDate: '2026-11-24' });
  await t.call('commitments.record', { commitmentId: done.id, outcome: 'done' });
  await t.call('commitments.create', {
    teamId,
    ownerId: member.Ben,
    outcome: 'Write the runbook',
    dueDate: '2026-11-20',
    confirmPastDue: true,
  });
  return { teamId, member, a: a.meeting.id, b: b.meeting.id };
}

describe('team health figures', () => {
  it('are computed from the recorded history, matching sums worked out by hand', async () => {
    const f = await history();
    const h = await t.call('health.team', { teamId: f.teamId });
    expect([h.from, h.to, h.meetingsHeld]).toEqual(['2026-08-25', '2026-11-24', 2]);

    // Ratings: A (8, 6, 7) averages 7; B (9, 10) 9.5; all five: 40 / 5 = 8.
    expect(h.ratings.series).toEqual([
      {
        seriesId: null,
        name: 'One-off meetings',
        points: [
          { meetingId: f.a, date: '2026-11-10', title: 'Weekly 2026-11-10', average: 7, count: 3 },
          { meetingId: f.b, date: '2026-11-17', title: 'Weekly 2026-11-17', average: 9.5, count: 2 },
        ],
        average: 8,
      },
    ]);
    expect(h.ratings).toMatchObject({ average: 8, count: 5, previousAverage: null });

    // Time per kind: check-in 3 of 3 min; discussion 13.5 + 9 = 22.5 of 10 + 5 = 15 min (+50%);
    // proposal 4 of 5 min (-20%); check-out 1 + 1 = 2 of 2 + 2 = 4 min (-50%).
    expect(h.time.kinds.map((k) => [k.kind, k.items, k.plannedMs, k.actualMs, k.overrun])).toEqual([
      ['check_in', 1, 3 * MIN, 3 * MIN, 0],
      ['discussion', 2, 15 * MIN, 22.5 * MIN, 0.5],
      ['proposal', 1, 5 * MIN, 4 * MIN, -0.2],
      ['check_out', 2, 4 * MIN, 2 * MIN, -0.5],
    ]);
    // A ran 3 + 13.5 + 4 + 1 = 21.5 of 30 min (on time); B ran 9 + 1 = 10 of 8 min (over).
    expect([h.time.meetings, h.time.onTime, h.time.onTimeShare]).toEqual([2, 1, 0.5]);

    // Airtime: Ana 60 + 20 + 30 = 110 s, Ben 90 + 20 + 30 = 140 s, Cleo 30 + 20 = 50 s; 300 s in all.
    expect(h.airtime.totalMs).toBe(300 * SEC);
    expect(h.airtime.members.map((m) => [m.name, m.ms / SEC])).toEqual([
      ['Ben', 140],
      ['Ana', 110],
      ['Cleo', 50],
    ]);
    expect(h.airtime.members.map((m) => m.share)).toEqual([140 / 300, 110 / 300, 50 / 300]);
    expect(h.airtime.equalShare).toBe(1 / 3);

    // Dissent: three decisions, two with objections; one withdrawn, one overruled, one open.
    expect(h.dissent).toEqual({
      decisions: 3,
      decisionsWithDissent: 2,
      objections: 3,
      byResolution: [
        { resolution: 'integrated', count: 0 },
        { resolution: 'withdrawn', count: 1 },
        { resolution: 'overruled', count: 1 },
        { resolution: 'escalated', count: 0 },
        { resolution: 'unresolved', count: 1 },
      ],
    });

    // Follow-through: two due, one done by its date.
    expect(h.followThrough.team).toMatchObject({ due: 2, doneOnTime: 1, doneOnTimeShare: 0.5 });
    expect(h.followThrough.trend.map((p) => p.date)).toEqual(['2026-11-10', '2026-11-17']);
  });

  it('compare with the period before, and a period without meetings has no figures rather than zeros', async () => {
    const f = await history();
    const later = await t.call('health.team', { teamId: f.teamId, from: '2026-11-15', to: '2026-11-21' });
    // Only B is in the week; A (10 Nov) is in the week before, 8 to 14 Nov.
    expect(later.ratings).toMatchObject({ average: 9.5, count: 2, previousAverage: 7 });
    const empty = await t.call('health.team', { teamId: f.teamId, from: '2026-01-01', to: '2026-01-31' });
    expect(empty.meetingsHeld).toBe(0);
    expect(empty.ratings.average).toBeNull();
    expect(empty.time).toEqual({ kinds: [], meetings: 0, onTime: 0, onTimeShare: null });
    expect(empty.airtime).toEqual({ members: [], totalMs: 0, equalShare: null });
    expect((await t.fail('health.team', { teamId: f.teamId, from: '2026-11-20', to: '2026-11-10' })).message).toBe(
      'The period starts after it ends',
    );
  });

  it('count a turn still running when the meeting ended up to the end of its item', async () => {
    const { teamId } = await team();
    const d = await meeting(teamId, '2026-11-24', 30, [['check_out', 5]]);
    await round(d.meeting.id, [50]); // Ana 50 s; Ben then speaks 40 s until the meeting is ended
    t.clock.advance(40 * SEC);
    await t.call('meetings.end', { meetingId: d.meeting.id });
    const h = await t.call('health.team', { teamId });
    expect(h.airtime.members.map((m) => [m.name, m.ms / SEC])).toEqual([
      ['Ana', 50],
      ['Ben', 40],
    ]);
  });

  it('start a retrospective whose "gather data" plan holds the figures and what people asked for', async () => {
    const f = await history();
    const { meetingId } = await t.call('health.startRetrospective', { teamId: f.teamId, date: '2026-11-26', time: '15:00' });
    const d = await t.call('meetings.get', { meetingId });
    expect(d.meeting.title).toBe('Retrospective');
    expect(d.items.map((i) => i.kind)).toEqual(['check_in', 'metrics_review', 'discussion', 'proposal', 'check_out']);
    expect(d.items[1]!.notes).toBe('');
    expect(d.items[1]!.plan).toBe(
      [
        'Figures for 2026-08-25 to 2026-11-24 (2 meetings held):',
        '- Ratings averaged 8.0, from 5 ratings.',
        '- 1 of 2 meetings ended on time. Items of kind Discussion ran 50% over (planned 15 min, took 23 min); ' +
          'items of kind Proposal ran 20% under (planned 5 min, took 4 min); items of kind Check-out round ran 50% under (planned 4 min, took 2 min).',
        '- Airtime: Ben 47%, Ana 37%, Cleo 17% (an equal share would be 33%).',
        '- Follow-through: 1 of 2 commitments (50%) done by their first date.',
        '- Dissent: 3 objections on 2 of 3 decisions (1 withdrawn, 1 overruled, 1 unresolved).',
        '- What would make meetings better, from the check-out rounds:',
        '  - “Start on time”',
        '  - “Shorter discussion”',
      ].join('\n'),
    );
  });
});

describe('check-out feedback', () => {
  it('is on the meeting record; with an anonymous rating none carries a name, and the anonymous one is stored without attendee or instant', async () => {
    const f = await history();
    const d = await t.call('meetings.get', { meetingId: f.a });
    // Ana and Ben by name and one anonymously, of three attendees: their names would leave the third as its author.
    expect(d.feedback).toEqual({
      entries: [
        { attendeeId: null, memberName: null, rating: 8, better: '' },
        { attendeeId: null, memberName: null, rating: 7, better: 'Start on time' },
        { attendeeId: null, memberName: null, rating: 6, better: 'Shorter discussion' },
      ],
      namesWithheld: true,
      average: 7,
      count: 3,
      anonymousCount: 1,
      expected: 3,
      openUntil: d.meeting.endedAt! + 24 * 60 * MIN,
    });
    const rows = t.core.opened.db.prepare('select attendee_id, at, rating from meeting_feedback where meeting_id = ?').all(f.a) as {
      attendee_id: string | null;
      at: number | null;
    }[];
    expect(rows.filter((r) => r.attendee_id === null)).toEqual([{ attendee_id: null, at: null, rating: 7 }]);
  });

  it('refuses ratings that are not whole numbers from 1 to 10, with a clear message', async () => {
    const { teamId } = await team();
    const d = await meeting(teamId, '2026-11-24', 30, [['check_out', 5]]);
    const who = attendee(d, 'Ana');
    for (const rating of [0, 11, 7.5, '7', 'great', null, -1]) {
      const error = await t.fail('feedback.give', { meetingId: d.meeting.id, attendeeId: who, rating });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('A rating is a whole number from 1 to 10');
    }
    const long = await t.fail('feedback.give', { meetingId: d.meeting.id, attendeeId: who, rating: 5, better: 'x'.repeat(281) });
    expect(long.message).toContain('at most 280 characters');
    expect((await t.call('meetings.get', { meetingId: d.meeting.id })).feedback.count).toBe(0);
  });

  it('keeps one rating per attendee (a second replaces the first) and never more ratings than people who attended', async () => {
    const { teamId } = await team();
    const d = await meeting(teamId, '2026-11-24', 30, [['check_out', 5]], ['Cleo']);
    // A rating answers its id; what the record shows is the meeting's feedback part, read as its windows do.
    const give = async (attendeeId: string | null, rating: number) => {
      await t.call('feedback.give', { meetingId: d.meeting.id, attendeeId, rating });
      return t.call('meetings.feedback', { meetingId: d.meeting.id });
    };
    await give(attendee(d, 'Ana'), 4);
    let after = await give(attendee(d, 'Ana'), 9);
    expect(after.entries.map((e) => [e.memberName, e.rating])).toEqual([['Ana', 9]]);
    const absent = await t.fail('feedback.give', { meetingId: d.meeting.id, attendeeId: attendee(d, 'Cleo'), rating: 5 });
    expect(absent.message).toBe('Only someone who attended this meeting can rate it');
    after = await give(null, 6);
    expect([after.count, after.expected, after.average]).toEqual([2, 2, 7.5]);
    // Two attended and two ratings are in: Ben (who may have given the anonymous one) cannot add another.
    const twice = await t.fail('feedback.give', { meetingId: d.meeting.id, attendeeId: attendee(d, 'Ben'), rating: 8 });
    expect(twice.message).toBe(
      'Everyone who attended has already rated (2 ratings from 2 people, anonymous ones included). Another rating would count someone twice.',
    );
    expect((await t.fail('feedback.give', { meetingId: d.meeting.id, attendeeId: null, rating: 8 })).code).toBe('conflict');
    // Ana may still change hers.
    after = await give(attendee(d, 'Ana'), 3);
    expect(after.average).toBe(4.5);
  });

  it('is taken from the start of the meeting until 24 hours after it ends', async () => {
    const { teamId } = await team();
    const { meetingId } = await t.call('meetings.create', { teamId, title: 'Weekly', date: '2026-11-24', time: '10:00', lengthMin: 30 });
    const planned = await t.call('meetings.get', { meetingId });
    const who = attendee(planned, 'Ana');
    expect((await t.fail('feedback.give', { meetingId, attendeeId: who, rating: 5 })).message).toBe(
      'The check-out round opens once the meeting has started',
    );
    await t.call('meetings.start', { meetingId });
    await t.call('meetings.end', { meetingId });
    t.clock.advance(24 * 60 * MIN);
    const given = await t.call('feedback.give', { meetingId, attendeeId: who, rating: 5 });
    expect((await t.call('meetings.feedback', { meetingId })).entries.map((e) => e.rating)).toEqual([5]);
    expect(given.meetingId).toBe(meetingId);
    t.clock.advance(1);
    expect((await t.fail('feedback.give', { meetingId, attendeeId: null, rating: 5 })).message).toBe(
      'Ratings for this meeting closed 24 hours after it ended',
    );
  });
});

describe('the demo team', () => {
  it('has rated its held meetings, so its health page shows a trend at once', async () => {
    const demo = await t.call('demo.load', {});
    const h = await t.call('health.team', { teamId: demo.id });
    const series = h.ratings.series.find((s) => s.name === 'Monday accountability')!;
    // First: 8, 7, 8, 6 and 7 anonymous = 36 / 5; second: 7, 6, 7, 6 and 5 anonymous = 31 / 5.
    expect(series.points.map((p) => [p.average, p.count])).toEqual([
      [7.2, 5],
      [6.2, 5],
    ]);
    const first = await t.call('meetings.get', { meetingId: series.points[0]!.meetingId });
    // One of the five is anonymous, so none is shown with a name, highest first.
    expect(first.feedback.namesWithheld).toBe(true);
    expect(first.feedback.entries.map((e) => [e.memberName, e.rating])).toEqual([
      [null, 8],
      [null, 8],
      [null, 7],
      [null, 7],
      [null, 6],
    ]);
    expect(first.feedback.entries.map((e) => e.better)).toContain('Keep updates to a minute each');
    expect(h.airtime.members.length).toBeGreaterThan(3);
    expect(h.time.kinds.length).toBeGreaterThan(3);
  });
});

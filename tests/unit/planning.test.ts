import { toZoned } from '../../src/main/services/planning/zoned-time';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z')); // a Tuesday
});
afterEach(() => t.close());

describe('templates', () => {
  it('ships the four built-in agendas with their kinds and timings', async () => {
    const list = await t.call('templates.list', { teamId: null });
    expect(list.map((x) => x.name)).toEqual([
      'Weekly accountability',
      'Level 10 (EOS style)',
      'Tactical (Holacracy style)',
      'Retrospective',
    ]);
    const l10 = list[1]!;
    expect(l10.items.map((i) => [i.title, i.kind, i.plannedMin])).toEqual([
      ['Segue', 'check_in', 5],
      ['Scorecard', 'metrics_review', 5],
      ['Rocks', 'commitment_review', 5],
      ['Headlines', 'round_robin', 5],
      ['To-dos', 'commitment_review', 5],
      ['IDS: identify, discuss, solve', 'discussion', 60],
      ['Conclude', 'check_out', 5],
    ]);
    expect(l10.totalMin).toBe(90);
  });

  it('saves an agenda as the team’s own template and applies it to another meeting', async () => {
    const { team, series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const detail = await t.call('meetings.get', { meetingId });
    await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: detail.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Hiring plan',
      plannedMin: 12,
    });
    const saved = await t.call('templates.saveFromMeeting', { meetingId, name: 'Ops weekly' });
    expect(saved.items).toHaveLength(8);
    expect(saved.items.at(-1)).toEqual({ kind: 'discussion', title: 'Hiring plan', plannedMin: 12, notes: '' });
    expect((await t.fail('templates.saveFromMeeting', { meetingId, name: 'ops WEEKLY' })).code).toBe('conflict');

    const { meetingId: adHoc } = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Offsite prep',
      date: '2026-12-03',
      time: '14:00',
      lengthMin: 60,
    });
    const empty = await t.call('meetings.get', { meetingId: adHoc });
    const applied = await t.call('agenda.applyTemplate', {
      meetingId: adHoc,
      expectedRevision: empty.meeting.agendaRevision,
      templateId: saved.id,
    });
    expect(applied.items.map((i) => i.title)).toEqual(saved.items.map((i) => i.title));
    expect(applied.meeting.plannedTotalMin).toBe(57);
    // Another team does not see Ops' own template.
    const other = await t.call('teams.create', { name: 'Other', timeZone: 'UTC' });
    expect((await t.call('templates.list', { teamId: other.id })).some((x) => x.id === saved.id)).toBe(false);
  });
});

describe('next meeting from a series', () => {
  it('is created on the next date in the series zone with the template, the team and a facilitator', async () => {
    const { series, team } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const detail = await t.call('meetings.get', { meetingId });
    expect(detail.meeting.scheduledStart).toBe(Date.parse('2026-11-30T09:00:00Z')); // Monday 10:00 Berlin
    expect(detail.items.map((i) => i.kind)).toEqual([
      'check_in',
      'commitment_review',
      'round_robin',
      'decision_review',
      'proposal',
      'recognition',
      'check_out',
    ]);
    expect(detail.attendees.map((a) => [a.name, a.status])).toEqual([
      ['Ana', 'expected'],
      ['Ben', 'expected'],
      ['Cleo', 'expected'],
    ]);
    const second = await t.call('series.createNextMeeting', { seriesId: series.id });
    expect((await t.call('meetings.get', { meetingId: second.meetingId })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    const lists = await t.call('meetings.list', { teamId: team.id });
    expect(lists.upcoming.map((m) => m.id)).toEqual([meetingId, second.meetingId]);
  });

  it('rotates the facilitator through active members in team order', async () => {
    const { team, series } = await teamWithSeries(t);
    const members = (await t.call('teams.get', { teamId: team.id })).members;
    await t.call('series.update', {
      seriesId: series.id,
      name: series.name,
      cadence: 'weekly',
      weekday: 1,
      startTime: '10:00',
      startsOn: '2026-11-01',
      defaultLengthMin: 45,
      defaultFacilitatorId: members[0]!.id,
      rotateFacilitator: true,
    });
    await t.call('members.markLeft', { memberId: members[1]!.id });
    const names: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
      names.push((await t.call('meetings.get', { meetingId })).meeting.facilitatorName);
    }
    expect(names).toEqual(['Ana', 'Cleo', 'Ana']);
  });
});

describe('a meeting started before its planned date', () => {
  it('is listed by when it was held, and the series still meets on the date it was planned for', async () => {
    // Monday 30 Nov 2026 in Berlin: the 10:00 meeting was not planned; next Monday's (7 Dec) was.
    t.clock.current = Date.parse('2026-11-30T08:00:00Z');
    const { team, series } = await teamWithSeries(t);
    const first = await t.call('series.createNextMeeting', { seriesId: series.id });
    await t.call('meetings.start', { meetingId: first.meetingId });
    await t.call('meetings.end', { meetingId: first.meetingId });
    t.clock.current = Date.parse('2026-11-30T18:00:00Z'); // that evening
    const early = await t.call('series.createNextMeeting', { seriesId: series.id });
    expect((await t.call('meetings.get', { meetingId: early.meetingId })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    await t.call('meetings.start', { meetingId: early.meetingId });
    t.clock.advance(40 * 60_000);
    await t.call('meetings.end', { meetingId: early.meetingId });

    // A meeting held the next day, planned for then: the one held early is listed before it, where it happened.
    t.clock.current = Date.parse('2026-12-01T09:00:00Z');
    const adHoc = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Incident review',
      date: '2026-12-01',
      time: '10:00',
      lengthMin: 30,
    });
    await t.call('meetings.start', { meetingId: adHoc.meetingId });
    await t.call('meetings.end', { meetingId: adHoc.meetingId });

    // Held on the 30th, in place of that Monday's date: next Monday still has its meeting.
    const lists = await t.call('meetings.list', { teamId: team.id });
    expect(lists.past.map((m) => m.id)).toEqual([adHoc.meetingId, early.meetingId, first.meetingId]);
    expect((await t.call('series.list', { teamId: team.id }))[0]!.nextStartsAt).toBe(Date.parse('2026-12-07T09:00:00Z'));
    const next = await t.call('series.createNextMeeting', { seriesId: series.id });
    expect((await t.call('meetings.get', { meetingId: next.meetingId })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    // And the one after that is the Monday after.
    expect((await t.call('series.list', { teamId: team.id }))[0]!.nextStartsAt).toBe(Date.parse('2026-12-14T09:00:00Z'));
  });

  it('started a few minutes early on its own day, it keeps its date: the series moves on a week', async () => {
    t.clock.current = Date.parse('2026-11-30T08:00:00Z');
    const { team, series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    t.clock.current = Date.parse('2026-11-30T08:55:00Z'); // 9:55 in Berlin
    await t.call('meetings.start', { meetingId });
    expect((await t.call('series.list', { teamId: team.id }))[0]!.nextStartsAt).toBe(Date.parse('2026-12-07T09:00:00Z'));
  });

  it('started days before a date that is its own nearest, it was that date: the series moves on past it', async () => {
    t.clock.current = Date.parse('2026-12-03T08:00:00Z'); // Thursday 3 Dec
    const { team, series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    expect((await t.call('meetings.get', { meetingId })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    t.clock.current = Date.parse('2026-12-04T14:00:00Z'); // Friday afternoon, nearer the 7th than the 30th
    await t.call('meetings.start', { meetingId });
    await t.call('meetings.end', { meetingId });
    expect((await t.call('series.list', { teamId: team.id }))[0]!.nextStartsAt).toBe(Date.parse('2026-12-14T09:00:00Z'));
  });
});

describe('next up on the home screen', () => {
  it("reads each team's first meeting not yet ended, as the full list orders them, and only those", async () => {
    const demo = await t.call('demo.load', {});
    const { team, series } = await teamWithSeries(t);
    const fromSeries = await t.call('series.createNextMeeting', { seriesId: series.id });
    await t.call('series.createNextMeeting', { seriesId: series.id });
    // An ad hoc meeting before the series' first one comes first for its team.
    const adHoc = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Kick-off',
      date: '2026-11-25',
      time: '09:00',
      lengthMin: 30,
      facilitatorId: null,
    });
    await t.call('teams.create', { name: 'Quiet team', timeZone: 'UTC', members: ['Dee'] });

    const next = await t.call('meetings.nextUp', {});
    const seen = new Set<string>();
    const firstPerTeam = (await t.call('meetings.list', { teamId: null })).upcoming.filter(
      (m) => !seen.has(m.teamId) && seen.add(m.teamId),
    );
    expect(next).toEqual(firstPerTeam);
    expect(next.map((m) => m.teamId).sort()).toEqual([demo.id, team.id].sort());
    expect(next.find((m) => m.teamId === team.id)!.id).toBe(adHoc.meetingId);
    expect(next.map((m) => m.id)).not.toContain(fromSeries.meetingId);
  });
});

describe('old business', () => {
  it('rolls items not reached and the open parking lot forward across three meetings', async () => {
    const { team, series } = await teamWithSeries(t, { template: null });
    const parked = await t.call('parkingLot.add', { teamId: team.id, title: 'On-call fairness', notes: 'Weekends are uneven' });

    // Meeting 1: two items, only the first reached.
    const m1 = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
    let d1 = await t.call('meetings.get', { meetingId: m1 });
    d1 = await t.call('agenda.addItem', {
      meetingId: m1,
      expectedRevision: d1.meeting.agendaRevision,
      kind: 'round_robin',
      title: 'Updates',
      plannedMin: 10,
    });
    d1 = await t.call('agenda.addItem', {
      meetingId: m1,
      expectedRevision: d1.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Budget',
      plannedMin: 15,
      plan: 'Bring numbers',
    });
    expect(d1.oldBusiness.map((o) => [o.source, o.title])).toEqual([['parking_lot', 'On-call fairness']]);
    t.clock.current = d1.meeting.scheduledStart!;
    await t.call('meetings.start', { meetingId: m1 });
    t.core.services.meetings.completeItem(d1.items[0]!.id);
    const ended1 = await t.call('meetings.end', { meetingId: m1 });
    expect(ended1.items.map((i) => i.status)).toEqual(['done', 'not_reached']);

    // Meeting 2 inherits "Budget" as an item, with its plan, linked to where it came from.
    const m2 = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
    let d2 = await t.call('meetings.get', { meetingId: m2 });
    expect(d2.items.map((i) => [i.title, i.carriedFromId, i.plan, i.notes])).toEqual([['Budget', d1.items[1]!.id, 'Bring numbers', '']]);
    d2 = await t.call('agenda.addItem', {
      meetingId: m2,
      expectedRevision: d2.meeting.agendaRevision,
      kind: 'check_in',
      title: 'Check-in',
      plannedMin: 5,
    });
    d2 = await t.call('agenda.moveItem', { itemId: d2.items[1]!.id, expectedRevision: d2.meeting.agendaRevision, toIndex: 0 });
    expect(d2.oldBusiness.map((o) => [o.source, o.title, o.fromMeetingId])).toEqual([
      ['not_reached', 'Budget', m1],
      ['parking_lot', 'On-call fairness', null],
    ]);

    // Meeting 3 is planned before meeting 2 is held; when 2 ends without reaching Budget, it moves on.
    const m3 = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
    expect((await t.call('meetings.get', { meetingId: m3 })).items).toEqual([]);
    t.clock.current = d2.meeting.scheduledStart!;
    await t.call('meetings.start', { meetingId: m2 });
    await t.call('parkingLot.close', { itemId: parked.id, status: 'discussed', meetingId: m2 });
    await t.call('meetings.end', { meetingId: m2 });
    const d3 = await t.call('meetings.get', { meetingId: m3 });
    expect(d3.items.map((i) => [i.title, i.carriedFromId])).toEqual([['Budget', d2.items[1]!.id]]);
    // It was planned while the parking-lot item was open; that entry stays, shown as closed since.
    expect(d3.oldBusiness.map((o) => [o.source, o.title, o.open])).toEqual([
      ['parking_lot', 'On-call fairness', false],
      ['not_reached', 'Budget', true],
    ]);
    // Nothing is carried twice.
    t.core.services.oldBusiness.pullInto(t.core.services.meetings['repos'].meetings.find(m3)!);
    expect((await t.call('meetings.get', { meetingId: m3 })).items).toHaveLength(1);
  });

  it('the demo team’s next meeting already lists what the last one left open', async () => {
    const demo = await t.call('demo.load', {});
    const { upcoming, past } = await t.call('meetings.list', { teamId: demo.id });
    expect(past.map((m) => [m.status, m.calledOff?.reason ?? null])).toEqual([
      ['planned', 'Public holiday: most of the team is off'],
      ['ended', null],
      ['ended', null],
    ]);
    expect(upcoming).toHaveLength(1);
    // One a week: the called-off Monday keeps its date, between the last held meeting and the next one.
    const [holiday, second] = past;
    const days = (a: number, b: number) => Math.round((b - a) / (24 * 60 * 60 * 1000));
    expect(days(second!.scheduledStart!, holiday!.scheduledStart!)).toBe(7);
    expect(days(holiday!.scheduledStart!, upcoming[0]!.scheduledStart!)).toBe(7);
    expect(holiday!.calledOff!.at).toBeLessThan(holiday!.scheduledStart!);
    expect((await t.call('meetings.nextUp', {})).map((m) => m.id)).toEqual([upcoming[0]!.id]);
    // What the called-off one carried (the read-out not reached) went on to the next one, as calling it off leaves it.
    const called = await t.call('meetings.get', { meetingId: holiday!.id });
    const leftBy = (await t.call('meetings.get', { meetingId: second!.id })).items.find((i) => i.status === 'not_reached')!;
    expect(leftBy.title).toBe('Pricing page experiment: read-out');
    expect(called.items.filter((i) => i.carriedFromId !== null).map((i) => i.carriedFromId)).toEqual([leftBy.id]);
    const next = await t.call('meetings.get', { meetingId: upcoming[0]!.id });
    expect(next.oldBusiness.filter((o) => o.source === 'not_reached' || o.source === 'parking_lot').map((o) => o.title)).toEqual([
      'Pricing page experiment: read-out',
      'On-call rotation feels uneven',
      'Release calendar for Q1',
      'How often do we interview customers?',
    ]);
    expect(next.items[1]!.title).toBe('Pricing page experiment: read-out');
    expect(next.items[1]!.carriedFromId).toBe(leftBy.id);
    // Planned as a facilitator leaves it: the carried-over read-out fits in the meeting's 45 minutes.
    expect(next.items.reduce((sum, i) => sum + i.plannedMin, 0)).toBe(next.meeting.plannedLengthMin);
    expect(next.meeting.scheduledStart!).toBeGreaterThan(t.clock.now());
    // Reported on track at the last meeting, no commitment is overdue on the next one's day.
    const day = toZoned(next.meeting.scheduledStart!, demo.timeZone).date;
    const onTrack = (await t.call('commitments.board', { teamId: demo.id })).open.filter((c) => c.status === 'on_track');
    expect(onTrack.map((c) => c.outcome)).toEqual(['Two designer candidates interviewed and written up']);
    for (const c of onTrack) expect(c.dueDate >= day, `${c.outcome} due ${c.dueDate}, meeting ${day}`).toBe(true);
    expect((await t.call('demo.load', {})).id).toBe(demo.id);
  });
});

describe('parking lot', () => {
  it('closing an item in a meeting that does not exist is refused clearly, not as an internal error (found by the fuzzer)', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC' });
    const item = await t.call('parkingLot.add', { teamId: team.id, title: 'On-call' });
    const error = await t.fail('parkingLot.close', {
      itemId: item.id,
      status: 'discussed',
      meetingId: '00000000-0000-1000-8000-000000000000',
    });
    expect(error).toEqual({ code: 'not_found', message: 'That meeting does not exist in this team' });
    expect((await t.call('parkingLot.list', { teamId: team.id })).map((p) => p.status)).toEqual(['open']);
  });
});

describe('agenda builder rules', () => {
  it('moves items, keeps positions dense, and refuses a stale revision from another window', async () => {
    const { series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const before = await t.call('meetings.get', { meetingId });
    const last = before.items.at(-1)!;
    const moved = await t.call('agenda.moveItem', { itemId: last.id, expectedRevision: before.meeting.agendaRevision, toIndex: 0 });
    expect(moved.items[0]!.id).toBe(last.id);
    expect(moved.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const stale = await t.fail('agenda.moveItem', { itemId: last.id, expectedRevision: before.meeting.agendaRevision, toIndex: 3 });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('another window');
    expect((await t.call('meetings.get', { meetingId })).items[0]!.id).toBe(last.id);

    const removed = await t.call('agenda.removeItem', { itemId: moved.items[1]!.id, expectedRevision: moved.meeting.agendaRevision });
    expect(removed.items).toHaveLength(6);
    expect(removed.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);
    // Removed, not deleted: the row is still there.
    const row = t.core.opened.db.prepare('select removed_at from agenda_items where id = ?').get(moved.items[1]!.id) as {
      removed_at: number;
    };
    expect(row.removed_at).toBe(t.clock.now());
  });

  it('refuses empty titles and absurd durations, keeps long notes, emoji and right-to-left text exactly', async () => {
    const { series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const d = await t.call('meetings.get', { meetingId });
    const base = { meetingId, expectedRevision: d.meeting.agendaRevision, kind: 'discussion' as const, title: 'x', plannedMin: 5 };
    expect((await t.fail('agenda.addItem', { ...base, title: '   ' })).message).toBe('Item title is required');
    expect((await t.fail('agenda.addItem', { ...base, plannedMin: 0 })).message).toBe('Planned time must be at least 1 minute');
    expect((await t.fail('agenda.addItem', { ...base, plannedMin: -5 })).message).toBe('Planned time must be at least 1 minute');
    expect((await t.fail('agenda.addItem', { ...base, plannedMin: 481 })).message).toBe(
      'Planned time cannot be more than 8 hours (480 minutes)',
    );
    expect((await t.fail('agenda.addItem', { ...base, plannedMin: 2.5 })).message).toBe('Planned time must be whole minutes');
    expect((await t.call('meetings.get', { meetingId })).items).toHaveLength(7); // nothing half-saved

    const notes = 'Long notes. '.repeat(834).trim() + '\nשלום עולם 🚀';
    const added = await t.call('agenda.addItem', { ...base, title: 'مراجعة الميزانية 🚀', plan: notes });
    const item = added.items.at(-1)!;
    expect(item.title).toBe('مراجعة الميزانية 🚀');
    expect(item.plan).toBe(notes);
    expect(notes.length).toBeGreaterThan(10_000);
  });

  it('marks everyone still expected present in one action, keeping the exceptions already marked', async () => {
    const { series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const d = await t.call('meetings.get', { meetingId });
    expect(d.attendees.length).toBeGreaterThan(1);
    await t.call('attendance.set', { attendeeId: d.attendees[0]!.id, status: 'absent' });
    const after = await t.call('attendance.allPresent', { meetingId });
    expect(after.attendees.map((a) => a.status)).toEqual(['absent', ...d.attendees.slice(1).map(() => 'present')]);
    expect(after.meeting.agendaRevision).toBeGreaterThan(d.meeting.agendaRevision);
  });

  it('an ended meeting is read-only; corrections are amendments with a reason, kept in history', async () => {
    const { series } = await teamWithSeries(t);
    const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
    const d = await t.call('meetings.get', { meetingId });
    t.clock.current = d.meeting.scheduledStart!;
    await t.call('meetings.start', { meetingId });
    await t.call('meetings.end', { meetingId });
    const after = await t.call('meetings.get', { meetingId });
    const refused = await t.fail('agenda.addItem', {
      meetingId,
      expectedRevision: after.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Late',
      plannedMin: 5,
    });
    expect(refused.message).toContain('read-only');
    expect((await t.fail('attendance.set', { attendeeId: after.attendees[0]!.id, status: 'absent' })).message).toContain('read-only');
    expect((await t.fail('meetings.amend', { meetingId, reason: '  ', title: 'Weekly sync (moved)' })).message).toBe(
      'Reason for the amendment is required',
    );

    const amended = await t.call('meetings.amend', {
      meetingId,
      reason: 'Ben was on sick leave, not absent without notice',
      title: 'Weekly sync (short)',
      attendance: [{ attendeeId: after.attendees[1]!.id, status: 'absent' }],
    });
    expect(amended.meeting.title).toBe('Weekly sync (short)');
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]!.changes).toEqual([
      { field: 'title', from: 'Weekly sync', to: 'Weekly sync (short)' },
      { field: 'attendance: Ben', from: 'expected', to: 'absent' },
    ]);
  });
});

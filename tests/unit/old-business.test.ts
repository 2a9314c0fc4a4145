import { toZoned } from '../../src/main/services/planning/zoned-time';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z')); // a Tuesday
});
afterEach(() => t.close());

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
    // It was planned while the parking-lot item was open; that entry stays, shown as now closed.
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
    expect((await t.call('meetings.nextUp', {})).meetings.map((m) => m.id)).toEqual([upcoming[0]!.id]);
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

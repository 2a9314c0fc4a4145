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
    const quiet = await t.call('teams.create', { name: 'Quiet team', timeZone: 'UTC', members: ['Dee'] });

    const { meetings: next, unplanned } = await t.call('meetings.nextUp', {});
    // The team with nothing planned comes in the same answer: the home screen never reads it apart from its meetings.
    expect(unplanned).toEqual([{ teamId: quiet.id, teamName: 'Quiet team' }]);
    const seen = new Set<string>();
    const firstPerTeam = (await t.call('meetings.list', { teamId: null })).upcoming.filter(
      (m) => !seen.has(m.teamId) && seen.add(m.teamId),
    );
    expect(next).toEqual(firstPerTeam);
    expect(next.map((m) => m.teamId).sort()).toEqual([demo.id, team.id].sort());
    expect(next.find((m) => m.teamId === team.id)!.id).toBe(adHoc.meetingId);
    expect(next.map((m) => m.id)).not.toContain(fromSeries.meetingId);
  });

  it('puts the meeting under way first for its team, even one started ahead of an earlier planned one', async () => {
    const { team, series } = await teamWithSeries(t);
    const first = await t.call('series.createNextMeeting', { seriesId: series.id });
    const second = await t.call('series.createNextMeeting', { seriesId: series.id });
    const ours = async () => (await t.call('meetings.nextUp', {})).meetings.filter((m) => m.teamId === team.id);
    expect((await ours()).map((m) => m.id)).toEqual([first.meetingId]);
    await t.call('meetings.start', { meetingId: second.meetingId });
    expect((await ours()).map((m) => [m.id, m.status])).toEqual([[second.meetingId, 'live']]);
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

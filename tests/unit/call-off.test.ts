import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';
import { tempDirs } from '../support/temp-dirs';

/*
 * A planned meeting called off (made by mistake, or a week the team does not meet) is kept in the record, is not
 * "Next up", is held nowhere, and hands what it carried over to the series' next planned meeting. The series meets on
 * Mondays at 10:00 in Berlin (09:00 UTC).
 */

const temp = tempDirs('call-off');
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  temp.removeAll();
});

async function laptop(): Promise<TestCore> {
  const t = await openTestCore(Date.parse('2026-11-30T07:00:00Z'), temp.make());
  cores.push(t);
  return t;
}

async function addItems(t: TestCore, meetingId: string, ...titles: string[]) {
  for (const title of titles) {
    const { meeting } = await t.call('meetings.get', { meetingId });
    await t.call('agenda.addItem', { meetingId, expectedRevision: meeting.agendaRevision, kind: 'discussion', title, plannedMin: 10 });
  }
}

/** Its first item done, the rest not reached. */
async function hold(t: TestCore, meetingId: string, iso: string) {
  t.clock.current = Date.parse(iso);
  await t.call('meetings.start', { meetingId });
  t.clock.advance(40 * 60_000);
  await t.call('meetings.end', { meetingId });
}

const carriedIn = async (t: TestCore, meetingId: string) =>
  (await t.call('meetings.get', { meetingId })).items.filter((i) => i.carriedFromId !== null).map((i) => i.title);

/** A first meeting held on 30 November ('Budget' taken, 'Hiring' not reached) and the next one planned for 7 December. */
async function heldThenPlanned(t: TestCore) {
  const { team, series } = await teamWithSeries(t, { template: null });
  const first = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
  await addItems(t, first, 'Budget', 'Hiring');
  await hold(t, first, '2026-11-30T09:00:00Z');
  const next = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
  return { teamId: team.id, seriesId: series.id, first, next };
}

describe('calling off a planned meeting', () => {
  it('keeps it in the record, takes it off "Next up", and restores it', async () => {
    const t = await laptop();
    const { teamId, next } = await heldThenPlanned(t);
    expect((await t.call('meetings.nextUp', {})).meetings.map((m) => m.id)).toEqual([next]);

    const called = await t.call('meetings.callOff', { meetingId: next, reason: 'Public holiday' });
    expect(called.meeting).toMatchObject({ status: 'planned', calledOff: { at: t.clock.now(), reason: 'Public holiday' } });
    expect((await t.call('meetings.nextUp', {})).meetings).toEqual([]);
    // Listed as called off where its date falls (still ahead), never as held.
    const lists = await t.call('meetings.list', { teamId });
    expect(lists.upcoming.map((m) => [m.id, m.calledOff?.reason])).toEqual([[next, 'Public holiday']]);
    expect(lists.past.every((m) => m.status === 'ended')).toBe(true);

    const restored = await t.call('meetings.restore', { meetingId: next });
    expect(restored.meeting.calledOff).toBeNull();
    expect((await t.call('meetings.nextUp', {})).meetings.map((m) => m.id)).toEqual([next]);
  });

  it('refuses a live or ended meeting, a second call-off, and any change or start while called off, by reason code', async () => {
    const t = await laptop();
    const { first, next } = await heldThenPlanned(t);
    expect((await t.fail('meetings.callOff', { meetingId: first, reason: null })).reason).toBe('meeting_not_planned');

    const teamId = (await t.call('meetings.get', { meetingId: next })).meeting.teamId;
    const live = (await t.call('meetings.create', { teamId, title: 'Incident', date: '2026-11-30', time: '15:00', lengthMin: 30 }))
      .meetingId;
    await t.call('meetings.start', { meetingId: live });
    expect((await t.fail('meetings.callOff', { meetingId: live, reason: null })).reason).toBe('meeting_not_planned');

    const called = await t.call('meetings.callOff', { meetingId: next, reason: null });
    expect(called.meeting.calledOff?.reason).toBeNull();
    expect((await t.fail('meetings.callOff', { meetingId: next, reason: null })).reason).toBe('meeting_called_off');
    expect((await t.fail('meetings.start', { meetingId: next })).reason).toBe('meeting_called_off');
    const revision = called.meeting.agendaRevision;
    expect(
      (await t.fail('agenda.addItem', { meetingId: next, expectedRevision: revision, kind: 'discussion', title: 'X', plannedMin: 5 }))
        .reason,
    ).toBe('meeting_called_off');
    expect((await t.fail('attendance.allPresent', { meetingId: next })).reason).toBe('meeting_called_off');
    await t.call('meetings.restore', { meetingId: next });
    expect((await t.fail('meetings.restore', { meetingId: next })).reason).toBe('meeting_not_called_off');
    await t.call('meetings.start', { meetingId: next });
  });

  it('hands what it carried to the next meeting planned, or to the one planned after it', async () => {
    const t = await laptop();
    const { seriesId, first, next } = await heldThenPlanned(t);
    expect(await carriedIn(t, next)).toEqual(['Hiring']);

    // Called off with nothing planned after it: 'Hiring' waits, and comes with the next meeting planned.
    await t.call('meetings.callOff', { meetingId: next, reason: 'Holiday week' });
    expect(await carriedIn(t, next)).toEqual(['Hiring']); // its agenda is kept as it was
    const after = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    const planned = await t.call('meetings.get', { meetingId: after });
    // The called-off meeting's date stays taken: the one after it is planned for the week after.
    expect(planned.meeting.scheduledStart).toBe(Date.parse('2026-12-14T09:00:00Z'));
    expect(await carriedIn(t, after)).toEqual(['Hiring']);
    expect(planned.oldBusiness.filter((o) => o.source === 'not_reached').map((o) => o.fromMeetingId)).toEqual([first]);

    // Restored: 'Hiring' stays where it went (its copy in the restored meeting is removed), and nothing is listed twice.
    await t.call('meetings.restore', { meetingId: next });
    expect(await carriedIn(t, next)).toEqual([]);
    expect(await carriedIn(t, after)).toEqual(['Hiring']);
  });

  it('moves what it carried to a meeting already planned after it, and takes back what went nowhere when restored', async () => {
    const t = await laptop();
    const { seriesId, next } = await heldThenPlanned(t);
    const after = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect(await carriedIn(t, after)).toEqual([]); // 'Hiring' is on the 7 December agenda

    await t.call('meetings.callOff', { meetingId: next, reason: null });
    expect(await carriedIn(t, after)).toEqual(['Hiring']);
    expect((await t.call('meetings.nextUp', {})).meetings.map((m) => m.id)).toEqual([after]);

    // The meeting it went to is called off too: restoring the first one takes 'Hiring' back.
    await t.call('meetings.callOff', { meetingId: after, reason: null });
    await t.call('meetings.restore', { meetingId: next });
    expect(await carriedIn(t, next)).toEqual(['Hiring']);
  });

  it('is never the previous meeting: the next one held counts from the last meeting held', async () => {
    const t = await laptop();
    const { seriesId, first, next } = await heldThenPlanned(t);
    await t.call('meetings.callOff', { meetingId: next, reason: null });
    const after = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    await addItems(t, after, 'Roadmap');
    await hold(t, after, '2026-12-14T09:00:00Z');
    const minutes = await t.call('minutes.markdown', { meetingId: after });
    expect(minutes.content).toContain('Hiring');
    const detail = await t.call('meetings.get', { meetingId: after });
    expect(detail.oldBusiness.filter((o) => o.source === 'not_reached').map((o) => o.fromMeetingId)).toEqual([first]);
    // The called-off meeting was never held: no start, no end, in no list of past meetings.
    const called = await t.call('meetings.get', { meetingId: next });
    expect(called.meeting).toMatchObject({ status: 'planned', startedAt: null, endedAt: null });
  });
});

describe('a called-off meeting travels', () => {
  it('in a team archive, and back when restored', async () => {
    const a = await laptop();
    const b = await laptop();
    const { teamId, next } = await heldThenPlanned(a);
    await a.call('meetings.callOff', { meetingId: next, reason: 'Offsite instead' });
    await b.call('archive.import', { content: (await a.call('archive.export', { teamId })).content });
    expect((await b.call('meetings.get', { meetingId: next })).meeting.calledOff).toEqual({ at: a.clock.now(), reason: 'Offsite instead' });
    expect((await b.call('meetings.nextUp', {})).meetings).toEqual([]);

    a.clock.advance(60_000);
    await a.call('meetings.restore', { meetingId: next });
    await b.call('archive.import', { content: (await a.call('archive.export', { teamId })).content });
    expect((await b.call('meetings.get', { meetingId: next })).meeting.calledOff).toBeNull();
  });

  it('through a team sync, both ways', async () => {
    const remote = path.join(temp.make(), 'team.git');
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
    const a = await laptop();
    const b = await laptop();
    const { teamId, next } = await heldThenPlanned(a);
    await a.call('sync.link', { teamId, url: remote });
    await b.call('sync.link', { url: remote });

    a.clock.advance(60_000);
    await a.call('meetings.callOff', { meetingId: next, reason: 'Half the team at a conference' });
    await a.call('sync.run', { teamId });
    await b.call('sync.run', { teamId });
    expect((await b.call('meetings.get', { meetingId: next })).meeting.calledOff?.reason).toBe('Half the team at a conference');
    expect((await b.call('meetings.nextUp', {})).meetings).toEqual([]);

    b.clock.current = a.clock.now() + 60_000;
    await b.call('meetings.restore', { meetingId: next });
    await b.call('sync.run', { teamId });
    await a.call('sync.run', { teamId });
    expect((await a.call('meetings.get', { meetingId: next })).meeting.calledOff).toBeNull();
  });
});

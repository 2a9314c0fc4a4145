import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';

/*
 * "The previous meeting" is the one held last before this one, by when each was held: old business (items not
 * reached) and recognition (what was done since) must neither repeat nor miss anything when a meeting was held on
 * another day than planned. The series meets on Mondays at 10:00 in Berlin (09:00 UTC).
 */

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-30T07:00:00Z')); // Monday 30 November, 08:00 in Berlin
});
afterEach(() => t.close());

const at = (iso: string) => (t.clock.current = Date.parse(iso));

async function addItems(meetingId: string, ...titles: string[]) {
  for (const title of titles) {
    const { meeting } = await t.call('meetings.get', { meetingId });
    await t.call('agenda.addItem', { meetingId, expectedRevision: meeting.agendaRevision, kind: 'discussion', title, plannedMin: 10 });
  }
}

/** Starts the meeting at `iso` and ends it 40 minutes later: its first item is done, the rest not reached. */
async function hold(meetingId: string, iso: string) {
  at(iso);
  await t.call('meetings.start', { meetingId });
  t.clock.advance(40 * 60_000);
  await t.call('meetings.end', { meetingId });
}

/** A commitment of Ana's marked done at `iso`. */
async function doneAt(teamId: string, ana: string, outcome: string, iso: string) {
  at(iso);
  const c = await t.call('commitments.create', { teamId, ownerId: ana, outcome, dueDate: '2026-12-31', confirmPastDue: true });
  await t.call('commitments.record', { commitmentId: c.id, outcome: 'done' });
}

/**
 * The series' first meeting held on Monday 30 November at 10:00, 'Budget' taken and 'Hiring' not reached, and Ana's
 * 'Runbook written' done at `doneIso`.
 */
async function afterAFirstMeeting(doneIso: string) {
  const { team, series } = await teamWithSeries(t, { template: null });
  const detail = await t.call('teams.get', { teamId: team.id });
  const ana = detail.members.find((m) => m.name === 'Ana')!.id;
  const first = (await t.call('series.createNextMeeting', { seriesId: series.id })).meetingId;
  await addItems(first, 'Budget', 'Hiring');
  await hold(first, '2026-11-30T09:00:00Z');
  await doneAt(team.id, ana, 'Runbook written', doneIso);
  return { teamId: team.id, seriesId: series.id, ana };
}

async function recognised(meetingId: string) {
  return (await t.call('meetings.get', { meetingId })).commitments.doneSinceLast.map((c) => c.outcome);
}

async function carriedIn(meetingId: string) {
  const detail = await t.call('meetings.get', { meetingId });
  return detail.items.filter((i) => i.carriedFromId !== null).map((i) => i.title);
}

describe('the previous meeting is the one held last', () => {
  it('after a meeting started a day early, the next one carries its leftovers and celebrates only what came after it', async () => {
    const { teamId, seriesId, ana } = await afterAFirstMeeting('2026-12-02T12:00:00Z');

    // Planned for Monday 7 December, held on Sunday the 6th.
    const early = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect((await t.call('meetings.get', { meetingId: early })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    await addItems(early, 'Offsite');
    await hold(early, '2026-12-06T09:00:00Z');
    await doneAt(teamId, ana, 'Laptop ordered', '2026-12-06T15:00:00Z');

    // An ad hoc meeting of the team that Sunday afternoon: the one held that morning came before it.
    at('2026-12-06T13:00:00Z');
    const adHoc = (await t.call('meetings.create', { teamId, title: 'Incident review', date: '2026-12-06', time: '16:00', lengthMin: 30 }))
      .meetingId;
    await hold(adHoc, '2026-12-06T15:30:00Z');

    const next = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect((await t.call('meetings.get', { meetingId: next })).meeting.scheduledStart).toBe(Date.parse('2026-12-14T09:00:00Z'));
    expect(await carriedIn(next)).toEqual(['Offsite']);
    expect(await recognised(next)).toEqual(['Laptop ordered']);
    expect(await recognised(early)).toEqual(['Runbook written']);
    expect(await recognised(adHoc)).toEqual(['Laptop ordered']);
  });

  it('after a meeting started late, the next one follows it, and a meeting held before it does not look back past it', async () => {
    const { teamId, seriesId, ana } = await afterAFirstMeeting('2026-12-02T12:00:00Z');

    // Planned for Monday 7 December, held two days late; an ad hoc meeting on Tuesday the 8th came between.
    const late = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    await addItems(late, 'Offsite');
    at('2026-12-08T08:00:00Z');
    const adHoc = (await t.call('meetings.create', { teamId, title: 'Incident review', date: '2026-12-08', time: '10:00', lengthMin: 30 }))
      .meetingId;
    await hold(adHoc, '2026-12-08T09:00:00Z');
    await hold(late, '2026-12-09T09:00:00Z');
    await doneAt(teamId, ana, 'Laptop ordered', '2026-12-10T12:00:00Z');

    const next = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect(await carriedIn(next)).toEqual(['Offsite']);
    expect(await recognised(next)).toEqual(['Laptop ordered']);
    expect(await recognised(late)).toEqual(['Runbook written']);
    // Held on the 8th, before the late one: what was done since the 30th is its to celebrate.
    expect(await recognised(adHoc)).toEqual(['Runbook written']);
  });

  it('two meetings held on one day: the next one follows the second, and celebrates only what came after it', async () => {
    const { teamId, seriesId, ana } = await afterAFirstMeeting('2026-11-30T12:00:00Z');

    // Next Monday's meeting, planned that afternoon and started that evening.
    const second = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    await addItems(second, 'Offsite');
    await hold(second, '2026-11-30T17:00:00Z');
    await doneAt(teamId, ana, 'Laptop ordered', '2026-12-02T12:00:00Z');

    // The series still meets on the 7th, the date the second meeting was planned for.
    const next = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect((await t.call('meetings.get', { meetingId: next })).meeting.scheduledStart).toBe(Date.parse('2026-12-07T09:00:00Z'));
    expect(await carriedIn(next)).toEqual(['Offsite']);
    expect(await recognised(next)).toEqual(['Laptop ordered']);
    expect(await recognised(second)).toEqual(['Runbook written']);
  });

  it('a meeting called off in between: the next one looks back to the last one held, and hands on to the one after it', async () => {
    const { teamId, seriesId, ana } = await afterAFirstMeeting('2026-12-02T12:00:00Z');

    // Planned for the 7th with 'Hiring' carried over, and never held.
    const calledOff = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect(await carriedIn(calledOff)).toEqual(['Hiring']);
    await doneAt(teamId, ana, 'Laptop ordered', '2026-12-09T12:00:00Z');

    const next = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    expect((await t.call('meetings.get', { meetingId: next })).meeting.scheduledStart).toBe(Date.parse('2026-12-14T09:00:00Z'));
    expect(await recognised(next)).toEqual(['Runbook written', 'Laptop ordered']);

    // Its own leftovers go on to the meeting after it, not back to the one called off.
    await addItems(next, 'Offsite', 'Roadmap');
    const after = (await t.call('series.createNextMeeting', { seriesId })).meetingId;
    await hold(next, '2026-12-14T09:00:00Z');
    expect(await carriedIn(calledOff)).toEqual(['Hiring']);
    expect(await carriedIn(after)).toEqual(['Roadmap']);
    expect(await recognised(after)).toEqual([]);
  });
});

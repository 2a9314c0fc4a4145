import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksum, healthy } from '../support/archive-rows';
import { closeEvery, openTestCore, type TestCore } from '../support/core';
import { editAgreement, teamLines } from '../support/sync-actions';
import { tempDirs } from '../support/temp-dirs';

/**
 * A team on two computers changed apart, then brought together by an archive rather than a sync: the rows the
 * database holds once per team (an active role's name, an agreement version's number, a leftover in a meeting's old
 * business, an attendee's rating, a not-reached item carried into the next meeting) are settled by the rules a sync
 * uses (unique-rows.ts), so the import neither fails on SQLite's rule nor leaves a team a later sync would settle
 * otherwise.
 */
const temp = tempDirs('archive-apart');
const cores: TestCore[] = [];
afterEach(() => {
  closeEvery(cores.splice(0));
  temp.removeAll();
});

async function laptop(start: string): Promise<TestCore> {
  const t = await openTestCore(Date.parse(start), temp.make());
  cores.push(t);
  return t;
}

/** The same things done on both laptops apart: B's clock runs ten minutes behind A's, so B's come first. */
async function changeApart(a: TestCore, b: TestCore, teamId: string, meetingId: string): Promise<void> {
  await b.call('roles.create', { teamId, name: 'scribe', purpose: 'Notes, as B sees it' });
  await a.call('roles.create', { teamId, name: 'Scribe', purpose: 'Notes, as A sees it' });
  await editAgreement(a, teamId, 'Edited on A');
  await editAgreement(b, teamId, 'Edited on B');
  for (const [t, rating] of [
    [a, 8],
    [b, 3],
  ] as const) {
    await t.call('attendance.allPresent', { meetingId });
    const started = await t.call('meetings.start', { meetingId });
    await t.call('meetings.end', { meetingId });
    await t.call('feedback.give', { meetingId, attendeeId: started.attendees[0]!.id, rating });
  }
}

/** B holds an earlier copy of A's team (from an archive), with the series' next two meetings planned. */
async function copiedTeam() {
  const a = await laptop('2026-11-24T09:00:00Z');
  const b = await laptop('2026-11-24T08:50:00Z');
  const teamId = (await a.call('demo.load', {})).id;
  const seriesId = (await a.call('series.list', { teamId }))[0]!.id;
  const { meetingId } = await a.call('series.createNextMeeting', { seriesId });
  a.clock.advance(7 * 24 * 3_600_000);
  const next = (await a.call('series.createNextMeeting', { seriesId })).meetingId;
  a.clock.advance(-7 * 24 * 3_600_000);
  await b.call('archive.import', { content: (await a.call('archive.export', { teamId })).content });
  return { a, b, teamId, meetingId, next };
}

async function roleNames(t: TestCore, teamId: string): Promise<string[]> {
  return (await t.call('roles.list', { teamId }))
    .map((r) => r.name)
    .filter((n) => /scribe/i.test(n))
    .sort();
}

/** What the team holds once per team, as a person sees it on laptop `t`. */
async function settledView(t: TestCore, teamId: string, meetingId: string, next: string) {
  const db = t.core.opened.db;
  return {
    roles: await roleNames(t, teamId),
    versions: (await t.call('agreements.get', { teamId })).versions
      .map((v) => [v.version, v.changeNote])
      .sort(([x], [y]) => Number(x) - Number(y)),
    leftoversTwice: db
      .prepare('SELECT source, ref_id FROM old_business WHERE meeting_id = ? GROUP BY source, ref_id HAVING count(*) > 1')
      .all(next),
    carriedTwice: db
      .prepare(
        'SELECT carried_from_id FROM agenda_items WHERE meeting_id = ? AND carried_from_id IS NOT NULL AND removed_at IS NULL GROUP BY 1 HAVING count(*) > 1',
      )
      .all(next),
    ratings: db.prepare('SELECT rating FROM meeting_feedback WHERE meeting_id = ? AND attendee_id IS NOT NULL').pluck().all(meetingId),
  };
}

describe('an archive of a team changed apart, imported where an earlier copy is', () => {
  for (const direction of ['A’s archive into B', 'B’s archive into A'] as const)
    it(`settles what must be unique as a sync would, and says what it renamed (${direction})`, async () => {
      const { a, b, teamId, meetingId, next } = await copiedTeam();
      const before = (await a.call('agreements.get', { teamId })).versions.length;
      await changeApart(a, b, teamId, meetingId);
      const [from, into] = direction === 'A’s archive into B' ? [a, b] : [b, a];
      into.clock.advance(60_000);
      const summary = await into.call('archive.import', { content: (await from.call('archive.export', { teamId })).content });
      // B's role was made first and keeps the name; A's agreement edit came later and moves up; A's rating is the later.
      expect(await settledView(into, teamId, meetingId, next)).toMatchObject({
        roles: ['Scribe (2)', 'scribe'],
        leftoversTwice: [],
        carriedTwice: [],
        ratings: [8],
      });
      const versions = (await settledView(into, teamId, meetingId, next)).versions.filter(([v]) => Number(v) > before);
      expect(versions).toEqual([
        [before + 1, 'Edited on B'],
        [before + 2, 'Edited on A'],
      ]);
      expect(summary.settled).toEqual([
        'Role “Scribe” was renamed “Scribe (2)”: another laptop made a role of that name first',
        `Operating agreement: an edit made apart as version ${before + 1} became version ${before + 2} (another laptop’s edit took number ${before + 1})`,
      ]);
      healthy(into);
      // The other way round, the same team: both computers now hold the same rows.
      from.clock.advance(60_000);
      await from.call('archive.import', { content: (await into.call('archive.export', { teamId })).content });
      expect(await teamLines(from, teamId)).toEqual(await teamLines(into, teamId));
      // And importing it again changes nothing.
      const again = checksum(from);
      await from.call('archive.import', { content: (await into.call('archive.export', { teamId })).content });
      expect(checksum(from)).toBe(again);
    }, 120_000);

  it('a team a sync brought: the import settles as the sync does, and the syncs after it agree', async () => {
    const remote = path.join(temp.make(), 'team.git');
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
    const a = await laptop('2026-11-24T09:00:00Z');
    const b = await laptop('2026-11-24T08:50:00Z');
    const teamId = (await a.call('demo.load', {})).id;
    expect((await a.call('sync.link', { teamId, url: remote })).problem).toBeNull();
    expect((await b.call('sync.link', { url: remote })).problem).toBeNull();
    expect((await b.call('sync.run', { teamId })).problem).toBeNull();
    const before = (await a.call('agreements.get', { teamId })).versions.length;
    await b.call('roles.create', { teamId, name: 'scribe', purpose: 'Notes, as B sees it' });
    await a.call('roles.create', { teamId, name: 'Scribe', purpose: 'Notes, as A sees it' });
    await editAgreement(a, teamId, 'Edited on A');
    await editAgreement(b, teamId, 'Edited on B');
    // A colleague mails A's archive to B before either syncs.
    await b.call('archive.import', { content: (await a.call('archive.export', { teamId })).content });
    expect(await roleNames(b, teamId)).toEqual(['Scribe (2)', 'scribe']);
    for (const t of [a, b, a, b]) {
      t.clock.advance(60_000);
      expect((await t.call('sync.run', { teamId })).problem).toBeNull();
    }
    expect(await teamLines(a, teamId)).toEqual(await teamLines(b, teamId));
    expect(await roleNames(a, teamId)).toEqual(['Scribe (2)', 'scribe']);
    const versions = (await a.call('agreements.get', { teamId })).versions.filter((v) => v.version > before);
    expect(versions.map((v) => [v.version, v.changeNote]).sort(([x], [y]) => Number(x) - Number(y))).toEqual([
      [before + 1, 'Edited on B'],
      [before + 2, 'Edited on A'],
    ]);
  }, 120_000);
});

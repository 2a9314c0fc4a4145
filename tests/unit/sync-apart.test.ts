import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeEvery, openTestCore, type TestCore } from '../support/core';
import { editAgreement, teamLines } from '../support/sync-actions';
import { expectSyncedWhole } from '../support/sync-whole-tree';
import { tempDirs } from '../support/temp-dirs';

/**
 * Two laptops change the same thing while apart, then sync in turn: both end with the same team, nothing typed on
 * either is lost, and what a person has to look at is listed as a conflict on both.
 */
const temp = tempDirs('sync-apart');
const cores: TestCore[] = [];
afterEach(() => {
  closeEvery(cores.splice(0));
  temp.removeAll();
});

/** Laptop B's clock runs ten minutes behind laptop A's. */
async function twoLaptops(): Promise<{ a: TestCore; b: TestCore; teamId: string }> {
  const remote = path.join(temp.make(), 'team.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  const a = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), temp.make());
  cores.push(a);
  const b = await openTestCore(Date.parse('2026-11-24T08:50:00Z'), temp.make());
  cores.push(b);
  const teamId = (await a.call('demo.load', {})).id;
  expect((await a.call('sync.link', { teamId, url: remote })).problem).toBeNull();
  expect((await b.call('sync.link', { url: remote })).problem).toBeNull();
  return { a, b, teamId };
}

/** Each syncs twice, in turn starting with `first`: every sync completes, and both hold the same rows and conflicts. */
async function syncTwice(first: TestCore, second: TestCore, teamId: string) {
  for (const t of [first, second, first, second]) {
    t.clock.advance(60_000);
    expect((await t.call('sync.run', { teamId })).problem).toBeNull();
    // What the sync committed (laid out again only where rows changed) is what a whole rebuild gives.
    await expectSyncedWhole(t, teamId);
  }
  expect(await teamLines(second, teamId)).toEqual(await teamLines(first, teamId));
  const conflicts = (await first.call('sync.status', { teamId })).conflicts;
  expect((await second.call('sync.status', { teamId })).conflicts).toEqual(conflicts);
  return conflicts;
}

describe('two laptops change the same thing apart', () => {
  for (const order of ['A first', 'B first'] as const)
    it(`the operating agreement edited on both keeps both versions, the later edits on top, and says so (${order})`, async () => {
      const { a, b, teamId } = await twoLaptops();
      const before = (await a.call('agreements.get', { teamId })).versions.length;
      await editAgreement(a, teamId, 'Edited on A');
      await editAgreement(b, teamId, 'Edited on B');
      await editAgreement(b, teamId, 'Edited again on B');
      const conflicts = await (order === 'A first' ? syncTwice(a, b, teamId) : syncTwice(b, a, teamId));
      const versions = (await a.call('agreements.get', { teamId })).versions
        .filter((v) => v.version > before)
        .map((v) => [v.version, v.changeNote])
        .sort(([x], [y]) => Number(x) - Number(y));
      // B's clock is ten minutes behind, so its first edit bears the earlier time and keeps its number; A's moves up
      // one, and B's second edit above it: each laptop's edits stay in the order it made them, and the later is current.
      expect(versions).toEqual([
        [before + 1, 'Edited on B'],
        [before + 2, 'Edited on A'],
        [before + 3, 'Edited again on B'],
      ]);
      expect((await b.call('agreements.get', { teamId })).current!.changeNote).toBe('Edited again on B');
      expect(conflicts.filter((c) => c.entity === 'agreement_versions').map((c) => [c.field, c.kept, c.other])).toEqual([
        ['version', String(before + 2), String(before + 1)],
        ['version', String(before + 3), String(before + 2)],
      ]);
      // The team page says what happened in the team's words, never in the tables' names.
      expect(conflicts.filter((c) => c.entity === 'agreement_versions').map((c) => c.words)).toEqual([
        `Operating agreement: an edit made apart as version ${before + 1} became version ${before + 2} (another laptop’s edit took number ${before + 1})`,
        `Operating agreement: an edit made apart as version ${before + 2} became version ${before + 3} (another laptop’s edit took number ${before + 2})`,
      ]);
    }, 120_000);

  for (const order of ['A first', 'B first'] as const)
    it(`a commitment given different outcomes on each keeps both in its history and lists the outcome that did not stand (${order})`, async () => {
      const { a, b, teamId } = await twoLaptops();
      const commitmentId = (await a.call('commitments.board', { teamId })).open.find((c) => c.teamId === teamId)!.id;
      await b.call('commitments.record', { commitmentId, outcome: 'dropped', reason: 'Nobody needs it any more' });
      await a.call('commitments.record', { commitmentId, outcome: 'done' });
      const conflicts = await (order === 'A first' ? syncTwice(a, b, teamId) : syncTwice(b, a, teamId));
      for (const t of [a, b]) {
        const got = await t.call('commitments.get', { commitmentId });
        // A's clock is ten minutes ahead: its "done" is the later event, and stands.
        expect(got.status).toBe('done');
        expect(got.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['done', 'dropped']));
      }
      expect(conflicts.filter((c) => c.entity === 'commitments').map((c) => [c.id, c.field, c.kept, c.other])).toEqual([
        [commitmentId, 'status', 'done', 'dropped'],
      ]);
      const { outcome, ownerName } = await a.call('commitments.get', { commitmentId });
      expect(conflicts.filter((c) => c.entity === 'commitments').map((c) => c.words)).toEqual([
        `Commitment “${outcome}” (${ownerName}): marked dropped on one laptop, done on another — kept: done (the later)`,
      ]);
    }, 120_000);

  for (const order of ['A first', 'B first'] as const)
    it(`a commitment renegotiated to two dates apart takes the later renegotiation’s date and lists the other (${order})`, async () => {
      const { a, b, teamId } = await twoLaptops();
      const commitmentId = (await a.call('commitments.board', { teamId })).open.find((c) => c.teamId === teamId)!.id;
      await b.call('commitments.record', { commitmentId, outcome: 'renegotiated', newDueDate: '2027-01-20', reason: 'Holidays' });
      await a.call('commitments.record', { commitmentId, outcome: 'renegotiated', newDueDate: '2027-01-10', reason: 'Needs review' });
      const conflicts = await (order === 'A first' ? syncTwice(a, b, teamId) : syncTwice(b, a, teamId));
      // A's clock is ten minutes ahead: its renegotiation is the later one, and its date stands on both.
      for (const t of [a, b]) expect((await t.call('commitments.get', { commitmentId })).dueDate).toBe('2027-01-10');
      const { outcome, ownerName } = await a.call('commitments.get', { commitmentId });
      expect(conflicts.filter((c) => c.entity === 'commitments').map((c) => [c.id, c.field, c.kept, c.other, c.words])).toEqual([
        [
          commitmentId,
          'due_date',
          '2027-01-10',
          '2027-01-20',
          `Commitment “${outcome}” (${ownerName}): due date changed on two laptops — kept “2027-01-10”, not “2027-01-20”`,
        ],
      ]);
    }, 120_000);

  for (const order of ['A first', 'B first', 'B first, A restarted'] as const)
    it(`two roles given one name keep both, the later renamed and listed (${order})`, async () => {
      const laptops = await twoLaptops();
      const { b, teamId } = laptops;
      let { a } = laptops;
      // B's role first, so its id sorts first too (ids follow the order they are given in one process).
      const onB = await b.call('roles.create', { teamId, name: 'scribe', purpose: 'Notes, as B sees it' });
      const onA = await a.call('roles.create', { teamId, name: 'Scribe', purpose: 'Notes, as A sees it' });
      if (order === 'B first, A restarted') {
        // A fresh process remembers no merge: it reads the whole team, and writes the rows in the order of their keys,
        // B's new role before A's own is renamed.
        cores.splice(cores.indexOf(a), 1);
        a.close();
        a = await openTestCore(a.clock.now(), a.dataDir);
        cores.push(a);
      }
      const conflicts = await (order === 'A first' ? syncTwice(a, b, teamId) : syncTwice(b, a, teamId));
      // B's clock is ten minutes behind: its role was made first and keeps the name.
      const names = (await a.call('roles.list', { teamId })).filter((r) => [onA.id, onB.id].includes(r.id)).map((r) => [r.id, r.name]);
      expect(names.sort()).toEqual(
        [
          [onA.id, 'Scribe (2)'],
          [onB.id, 'scribe'],
        ].sort(),
      );
      expect(conflicts.filter((c) => c.entity === 'roles').map((c) => [c.id, c.field, c.kept, c.other])).toEqual([
        [onA.id, 'name', 'Scribe (2)', 'Scribe'],
      ]);
      expect(conflicts.filter((c) => c.entity === 'roles').map((c) => c.words)).toEqual([
        'Role “Scribe” was renamed “Scribe (2)”: another laptop made a role of that name first',
      ]);
    }, 120_000);

  it('one field changed on both: the later value stands, and the list names the row by its title', async () => {
    const { a, b, teamId } = await twoLaptops();
    const item = await a.call('parkingLot.add', { teamId, title: 'Office move' });
    await syncTwice(a, b, teamId);
    await b.call('parkingLot.update', { itemId: item.id, title: 'Office move in March', notes: '' });
    await a.call('parkingLot.update', { itemId: item.id, title: 'Office move, postponed', notes: '' });
    const conflicts = (await syncTwice(b, a, teamId)).filter((c) => c.entity === 'parking_lot_items');
    // A's clock is ten minutes ahead: its title is the later one, and stands.
    expect(conflicts.map((c) => [c.id, c.field, c.kept, c.other])).toEqual([
      [item.id, 'title', 'Office move, postponed', 'Office move in March'],
    ]);
    expect(conflicts.map((c) => c.words)).toEqual([
      'Parking-lot item “Office move, postponed”: title changed on two laptops — kept “Office move, postponed”, not “Office move in March”',
    ]);
  }, 120_000);

  it('one field changed on both: the later change stands even where its laptop syncs first', async () => {
    const { a, b, teamId } = await twoLaptops();
    const item = await a.call('parkingLot.add', { teamId, title: 'Office move' });
    await syncTwice(a, b, teamId);
    await a.call('parkingLot.update', { itemId: item.id, title: 'Office move in March', notes: '' });
    // Half an hour later by every clock (B's runs ten minutes behind A's), B renames it again, and syncs first.
    b.clock.advance(30 * 60_000);
    await b.call('parkingLot.update', { itemId: item.id, title: 'Office move, postponed', notes: '' });
    const conflicts = (await syncTwice(b, a, teamId)).filter((c) => c.entity === 'parking_lot_items');
    expect(conflicts.map((c) => [c.field, c.kept, c.other])).toEqual([['title', 'Office move, postponed', 'Office move in March']]);
    expect((await a.call('parkingLot.list', { teamId })).find((i) => i.id === item.id)?.title).toBe('Office move, postponed');
  }, 120_000);

  for (const order of ['A ends it first', 'B ends it first'] as const)
    it(`one meeting held on both laptops: what it did not reach goes once into the next, an attendee’s later rating stands, and both syncs go on (${order})`, async () => {
      const { a, b, teamId } = await twoLaptops();
      const seriesId = (await a.call('series.list', { teamId }))[0]!.id;
      const { meetingId } = await a.call('series.createNextMeeting', { seriesId });
      a.clock.advance(7 * 24 * 3_600_000);
      const next = (await a.call('series.createNextMeeting', { seriesId })).meetingId;
      expect((await a.call('sync.run', { teamId })).problem).toBeNull();
      expect((await b.call('sync.run', { teamId })).problem).toBeNull();
      const held: [TestCore, number][] = [
        [a, 8],
        [b, 3],
      ];
      for (const [t, rating] of order === 'A ends it first' ? held : held.reverse()) {
        await t.call('attendance.allPresent', { meetingId });
        const started = await t.call('meetings.start', { meetingId });
        await t.call('meetings.end', { meetingId });
        await t.call('feedback.give', { meetingId, attendeeId: started.attendees[0]!.id, rating });
        // The meeting's end began a sync in the background: it ends before the syncs below.
        if (t.core.sync.status(teamId).running) await t.core.sync.run(teamId);
      }
      await syncTwice(a, b, teamId);
      const oldBusiness = a.core.opened.db
        .prepare('SELECT source, ref_id FROM old_business WHERE meeting_id = ? GROUP BY source, ref_id HAVING count(*) > 1')
        .all(next);
      expect(oldBusiness).toEqual([]);
      // Each laptop's end carried the items not reached into the next meeting: its agenda holds each once, on both.
      const reached = new Set((await a.call('meetings.get', { meetingId })).items.filter((i) => i.status === 'done').map((i) => i.id));
      const notReached = (await a.call('meetings.get', { meetingId })).items.filter((i) => !reached.has(i.id)).map((i) => i.id);
      expect(notReached.length).toBeGreaterThan(0);
      for (const t of [a, b]) {
        const agenda = await t.call('meetings.get', { meetingId: next });
        const carried = agenda.items.filter((i) => i.carriedFromId !== null);
        expect(carried.map((i) => i.carriedFromId).sort()).toEqual([...notReached].sort());
        // Its old business points at the copy on the agenda.
        const leftovers = agenda.oldBusiness.filter((o) => o.source === 'not_reached');
        expect(leftovers.map((o) => o.agendaItemId).sort()).toEqual(carried.map((i) => i.id).sort());
        expect(agenda.items.map((i) => i.position)).toEqual(agenda.items.map((_i, n) => n));
      }
      const ratings = a.core.opened.db
        .prepare('SELECT rating FROM meeting_feedback WHERE meeting_id = ? AND attendee_id IS NOT NULL')
        .pluck();
      // A's clock is ten minutes ahead: its rating is the later one.
      expect(ratings.all(meetingId)).toEqual([8]);
    }, 120_000);
});

/**
 * The commitment the console moved to in the review is part of the meeting's live state (live.reviewFocus,
 * migration 026): the projector and a second console read it with the live part, until an outcome recorded after it
 * moves the review on by the shared rule; it survives a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open-database';
import { migrations } from '../../src/main/db/migrations';
import { reviewFocusIn } from '../../src/shared/commitment-review';
import { contract } from '../../src/shared/contract';
import { openTestCore, type TestCore } from '../support/core';

let dir: string;
let t: TestCore;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-focus-'));
  t = await openTestCore(Date.parse('2026-11-01T09:00:00Z'), dir);
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function reviewing(core: TestCore) {
  const team = await core.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
  const [ana, ben] = (await core.call('teams.get', { teamId: team.id })).members.map((m) => m.id) as [string, string];
  for (const [ownerId, outcome, dueDate] of [
    [ana, 'Ana 05', '2026-11-05'],
    [ana, 'Ana 08', '2026-11-08'],
    [ben, 'Ben 06', '2026-11-06'],
    [ben, 'Ben 07', '2026-11-07'],
  ] as const)
    await core.call('commitments.create', { teamId: team.id, ownerId, outcome, dueDate });
  core.clock.current = Date.parse('2026-11-09T09:00:00Z');
  const { meetingId } = await core.call('meetings.create', {
    teamId: team.id,
    title: 'Week 2',
    date: '2026-11-09',
    time: '10:00',
    lengthMin: 30,
  });
  await core.call('meetings.start', { meetingId });
  return { meetingId, teamId: team.id };
}

/** Where the projector shows the review, from the meeting's live and commitments parts as read now. */
async function shown(core: TestCore, meetingId: string) {
  const [live, part] = [await core.call('meetings.live', { meetingId }), await core.call('meetings.commitments', { meetingId })];
  return part.review[reviewFocusIn(part.review, meetingId, live.reviewFocus)]?.outcome;
}

describe('the console’s place in the commitment review', () => {
  it('is shown where the console moved with ↓, until an outcome moves the review on, and a restart keeps it', async () => {
    const { meetingId, teamId } = await reviewing(t);
    const review = (await t.call('meetings.commitments', { meetingId })).review;
    expect(review.map((c) => c.outcome)).toEqual(['Ana 05', 'Ana 08', 'Ben 06', 'Ben 07']);
    expect(await shown(t, meetingId)).toBe('Ana 05');

    const out = await t.call('live.reviewFocus', { meetingId, commitmentId: review[2]!.id });
    expect(out).toEqual({ meetingId, teamId });
    expect((await t.call('meetings.live', { meetingId })).reviewFocus).toEqual({ commitmentId: review[2]!.id, mark: expect.any(String) });
    expect(await shown(t, meetingId)).toBe('Ben 06');
    // It changes the meeting's live part, so every window re-reads just that (the projector, a second console).
    expect(contract['live.reviewFocus'].changes!({ meetingId, commitmentId: null }, { meetingId, teamId })).toEqual([
      { topic: 'meetings', meetingId, part: 'live' },
    ]);

    // A restart: the file keeps it.
    t.close();
    t = await openTestCore(t.clock.now(), dir);
    expect(await shown(t, meetingId)).toBe('Ben 06');

    // An outcome recorded after the move, in the same millisecond (the clock here stands still): on by the shared rule.
    await t.call('commitments.record', { commitmentId: review[2]!.id, meetingId, outcome: 'on_track' });
    expect(await shown(t, meetingId)).toBe('Ben 07');
    // Moved back up to one with an outcome: that is what the room sees.
    await t.call('live.reviewFocus', { meetingId, commitmentId: review[2]!.id });
    expect(await shown(t, meetingId)).toBe('Ben 06');
  });

  it('is refused in plain words for a commitment of another team, an unknown one, or a meeting not under way', async () => {
    const other = await t.call('teams.create', { name: 'Other', timeZone: 'UTC', members: ['Zed'] });
    const zed = (await t.call('teams.get', { teamId: other.id })).members[0]!.id;
    const theirs = await t.call('commitments.create', { teamId: other.id, ownerId: zed, outcome: 'Theirs', dueDate: '2026-11-05' });
    const { meetingId } = await reviewing(t);
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await t.fail('live.reviewFocus', { meetingId, commitmentId: unknown })).toMatchObject({ code: 'not_found' });
    expect(await t.fail('live.reviewFocus', { meetingId, commitmentId: theirs.id })).toMatchObject({ code: 'not_found' });
    await t.call('meetings.end', { meetingId });
    const err = await t.fail('live.reviewFocus', { meetingId, commitmentId: null });
    expect(err).toMatchObject({ code: 'conflict', message: 'This meeting has ended.' });
  });
});

describe('migration 026', () => {
  it('adds the focus to a meeting already stored, empty, with its version bump', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = await openDatabase(file, { migrations: migrations.slice(0, 25) });
    expect(old.db.pragma('user_version', { simple: true })).toBe(25);
    old.db.close();
    (await openDatabase(file)).db.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(26);
    const columns = db.prepare(`SELECT name, type, "notnull" FROM pragma_table_info('meetings') WHERE name LIKE 'review_focus%'`).all();
    expect(columns).toEqual([
      { name: 'review_focus_id', type: 'TEXT', notnull: 0 },
      { name: 'review_focus_mark', type: 'TEXT', notnull: 0 },
    ]);
    db.close();
  });
});

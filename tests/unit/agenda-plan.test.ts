import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore | undefined;
let dir: string | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('an agenda item’s plan and the notes the room takes', () => {
  it('are apart: the console’s notes start empty, the plan stays with the item, and only the notes are minuted', async () => {
    t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
    const team = await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben'] });
    const { meetingId } = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-11-23',
      time: '10:00',
      lengthMin: 30,
    });
    let d = await t.call('meetings.get', { meetingId });
    const plan = 'One sentence each: how are you arriving?';
    d = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'check_in',
      title: 'Check-in',
      plannedMin: 5,
      plan,
    });
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });

    d = await t.call('meetings.get', { meetingId });
    expect(d.items.map((i) => [i.plan, i.notes])).toEqual([[plan, '']]);
    await t.call('live.setNotes', { meetingId, itemId: d.items[0]!.id, notes: 'Ana is back from leave.' });
    await t.call('meetings.end', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    expect(d.items.map((i) => [i.plan, i.notes])).toEqual([[plan, 'Ana is back from leave.']]);

    const md = (await t.call('minutes.markdown', { meetingId })).content;
    expect(md).toContain('Ana is back from leave.');
    expect(md).not.toContain('how are you arriving');
  });

  it('are parted by migration 18: a meeting not yet held keeps its text as plan; a held one’s undo log tells plan from notes', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-plan-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 18) });
    const db = before.db;
    db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    const meeting = db.prepare(
      "insert into meetings (id, team_id, title, status, planned_length_ms, created_at, updated_at) values (?, 't1', 'Weekly', ?, 1800000, 1, 1)",
    );
    meeting.run('planned', 'planned');
    meeting.run('held', 'ended');
    const item = db.prepare(
      "insert into agenda_items (id, meeting_id, position, kind, title, planned_ms, notes, created_at, updated_at) values (?, ?, ?, 'discussion', ?, 60000, ?, 1, 1)",
    );
    item.run('next', 'planned', 0, 'Budget', 'Bring the numbers');
    item.run('added', 'held', 0, 'Check-in', 'One sentence each\nAna is back.');
    item.run('rewritten', 'held', 1, 'Hiring', 'Two roles open, not three');
    item.run('untouched', 'held', 2, 'Retro', 'What went well');
    item.run('blank', 'held', 3, 'Other', 'Typed in an empty box');
    const action = db.prepare(
      "insert into live_actions (id, meeting_id, kind, label, before_json, at) values (?, 'held', 'notes', 'notes', ?, ?)",
    );
    const notesBefore = (itemId: string, text: string) => JSON.stringify({ notes: { itemId, text } });
    action.run('a1', notesBefore('added', 'One sentence each'), 10);
    action.run('a2', notesBefore('added', 'One sentence each\nAna'), 11); // a later change: not the plan
    action.run('a3', notesBefore('rewritten', 'Three roles open'), 12);
    action.run('a4', notesBefore('blank', ''), 13);
    db.close();

    const after = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 18) });
    const rows = after.db.prepare('select id, plan, notes from agenda_items order by meeting_id, position').all();
    after.db.close();
    expect(rows).toEqual([
      { id: 'added', plan: 'One sentence each', notes: 'Ana is back.' },
      { id: 'rewritten', plan: 'Three roles open', notes: 'Two roles open, not three' },
      { id: 'untouched', plan: 'What went well', notes: '' },
      { id: 'blank', plan: '', notes: 'Typed in an empty box' },
      { id: 'next', plan: 'Bring the numbers', notes: '' },
    ]);
    expect(new Database(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(18);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { ArchiveRepository, type ArchiveRow } from '../../src/main/db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../src/main/db/repositories/archive-tables';
import type { Team } from '../../src/shared/domain';
import { openTestCore, type TestCore } from '../support/core';

let a: TestCore;
let b: TestCore;
let demo: Team;
beforeEach(async () => {
  a = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
  b = await openTestCore(Date.parse('2026-11-25T09:00:00Z'));
  demo = await a.call('demo.load', {});
});
afterEach(() => {
  a.close();
  b.close();
});

const itemsTable = ARCHIVE_TABLES.find((t) => t.table === 'agenda_items')!;
const items = (t: TestCore) =>
  new Map(
    new ArchiveRepository(new Sql(t.core.opened.db)).teamRows(itemsTable, demo.id).map((r) => [r.id, { plan: r.plan, notes: r.notes }]),
  );

interface Archive {
  schemaVersion: number;
  tables: { agenda_items: ArchiveRow[]; live_actions: ArchiveRow[] };
}

/**
 * The demo's archive as a Cadence before database version 18 wrote it: no plan column, the plan in the notes, and
 * the room's words after it where the meeting ran and someone wrote in the item (the undo log kept what the notes
 * held before that first change).
 */
function asBeforeVersion18(content: string): string {
  const archive = JSON.parse(content) as Archive;
  archive.schemaVersion = 17;
  let n = 0;
  for (const item of archive.tables.agenda_items) {
    const plan = String(item.plan);
    const notes = String(item.notes);
    delete item.plan;
    if (notes === '') {
      item.notes = plan;
      continue;
    }
    item.notes = plan === '' ? notes : `${plan}\n\n${notes}`;
    archive.tables.live_actions.push({
      id: `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
      meeting_id: item.meeting_id!,
      kind: 'notes',
      label: 'Notes',
      before_json: JSON.stringify({ notes: { itemId: item.id, text: plan } }),
      at: Number(item.updated_at) - 1,
      undone_at: null,
    });
  }
  return JSON.stringify(archive);
}

it('imports an archive written before the plan had its own column with each item’s plan apart from the room’s notes', async () => {
  // The next meeting runs and the room writes in its first item with a plan.
  const upcoming = (await a.call('meetings.list', { teamId: demo.id })).upcoming[0]!.id;
  const started = await a.call('meetings.start', { meetingId: upcoming });
  const planned = started.items.find((i) => i.plan !== '')!;
  a.clock.advance(60_000);
  await a.call('live.setNotes', { meetingId: upcoming, itemId: planned.id, notes: 'Dana: shipping *Thursday* | not Friday' });
  const expected = items(a);
  // The demo holds both kinds of item the split must tell apart: planned only, and planned then written in.
  expect([...expected.values()].some((i) => i.plan !== '' && i.notes === '')).toBe(true);
  expect([...expected.values()].some((i) => i.plan !== '' && i.notes !== '')).toBe(true);
  const old = asBeforeVersion18((await a.call('archive.export', { teamId: demo.id })).content);

  await b.call('archive.import', { content: old });
  expect(items(b)).toEqual(expected);
  // The same old archive brought back to the computer it came from finds every item as it is.
  const back = await a.call('archive.import', { content: old });
  expect(back.tables.find((t) => t.table === 'agenda_items')).toMatchObject({ updated: 0, conflicts: 0 });
  expect(items(a)).toEqual(expected);
});

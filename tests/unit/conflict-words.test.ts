import { describe, expect, it } from 'vitest';
import { ARCHIVE_TABLES } from '../../src/main/db/repositories/archive-tables';
import { conflictWords, ROW_WORDS } from '../../src/main/services/sync/conflict-words';
import type { ArchiveRow } from '../../src/main/db/repositories/archive-repository';
import type { TableRows } from '../../src/main/services/sync/team-state';

/** Merged rows by table, each keyed as the merge keys them (the id, as a one-element JSON array). */
function tables(rows: Record<string, ArchiveRow[]>): Map<string, TableRows> {
  return new Map(
    Object.entries(rows).map(([table, list]) => [table, new Map(list.map((row) => [JSON.stringify([row.id]), { row, stamp: '' }]))]),
  );
}

const team = tables({
  members: [{ id: 'm1', name: 'Ana' }],
  meetings: [{ id: 'mt1', title: 'Monday accountability' }],
  agenda_items: [{ id: 'i1', meeting_id: 'mt1', title: 'Budget', owner_id: 'm1' }],
  commitments: [{ id: 'c1', owner_id: 'm1', outcome: 'Ship the pricing page' }],
  roles: [{ id: 'r1', name: 'Scribe (2)' }],
  agreement_versions: [{ id: 'v1', version: 3 }],
});

describe('conflict words', () => {
  it('every table a sync merges names its rows in words, so a field conflict on any of them never shows a table name', () => {
    for (const { table } of ARCHIVE_TABLES) {
      expect(ROW_WORDS[table], table).toBeDefined();
      const words = conflictWords({ entity: table, id: 'gone', field: 'due_date', kept: 'b', other: 'a' }, team);
      expect(words).not.toContain(table);
      expect(words).not.toContain('_');
      expect(words).toMatch(/^[A-Z].*: due date changed on two laptops — kept “b”, not “a”$/);
    }
  });

  it('each kind of conflict the merge lists says what it is about and what happened', () => {
    const say = (entity: string, id: string, field: string, kept: unknown, other: unknown) =>
      conflictWords({ entity, id, field, kept, other }, team);
    // A version moved up and a role renamed (unique-rows.ts), two outcomes (outcome-conflicts.ts).
    expect(say('agreement_versions', 'v1', 'version', 3, 2)).toBe(
      'Operating agreement: an edit made apart as version 2 became version 3 (another laptop’s edit took number 2)',
    );
    expect(say('roles', 'r1', 'name', 'Scribe (2)', 'Scribe')).toBe(
      'Role “Scribe” was renamed “Scribe (2)”: another laptop made a role of that name first',
    );
    expect(say('commitments', 'c1', 'status', 'dropped', 'done')).toBe(
      'Commitment “Ship the pricing page” (Ana): marked done on one laptop, dropped on another — kept: dropped (the later)',
    );
    // A field both changed: the row by its title and its meeting, a member's id by the member's name.
    expect(say('agenda_items', 'i1', 'owner_id', 'm1', 'm9')).toBe(
      'Agenda item “Budget” of meeting “Monday accountability”: owner changed on two laptops — kept “Ana”, not “m9”',
    );
    // Both renamed one role differently: that is a field conflict, not the merge's renaming.
    expect(say('roles', 'r1', 'name', 'Scribe (2)', 'Note taker')).toBe(
      'Role “Scribe (2)”: name changed on two laptops — kept “Scribe (2)”, not “Note taker”',
    );
    expect(say('commitments', 'c1', 'outcome', 'x'.repeat(100), 'Ship it')).toMatch(/kept “x{79}…”, not “Ship it”$/);
  });
});

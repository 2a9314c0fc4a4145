import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { ArchiveRepository, type ArchiveRow } from '../../src/main/db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../src/main/db/repositories/archive-tables';
import type { TestCore } from './core';

/** What the archive tests compare: a team's rows as the archive carries them, and a database's fingerprint and health. */
const repo = (t: TestCore) => new ArchiveRepository(new Sql(t.core.opened.db));
export const keyOf = (key: readonly string[], row: ArchiveRow) => JSON.stringify(key.map((k) => row[k]));

/** Every table's rows of the team, with built-in template ids (which differ per computer) written as their keys. */
export function teamRows(t: TestCore, teamId: string): Record<string, ArchiveRow[]> {
  const r = repo(t);
  const builtin = new Map(r.builtinTemplates().map((x) => [x.id, `builtin:${x.key}`]));
  return Object.fromEntries(
    ARCHIVE_TABLES.map((spec) => [
      spec.table,
      r
        .teamRows(spec, teamId)
        .map((row) => (row.template_id ? { ...row, template_id: builtin.get(String(row.template_id)) ?? row.template_id } : row)),
    ]),
  );
}

/**
 * The source's rows as an archive carries them: in a meeting with an anonymous rating, no rating keeps
 * its attendee or instant (the named ones would name the anonymous one by elimination).
 */
export function asArchived(rows: Record<string, ArchiveRow[]>): Record<string, ArchiveRow[]> {
  const feedback = rows.meeting_feedback!;
  const withAnonymous = new Set(feedback.filter((r) => r.attendee_id === null).map((r) => r.meeting_id));
  return {
    ...rows,
    meeting_feedback: feedback.map((r) => (withAnonymous.has(r.meeting_id) ? { ...r, attendee_id: null, at: null } : r)),
  };
}

/** A fingerprint of everything in the database file, to prove a refused import wrote nothing. */
export function checksum(t: TestCore): string {
  const db = t.core.opened.db;
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'decisions_fts%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((x) => x.name);
  const hash = createHash('sha256');
  for (const name of tables) hash.update(name + JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()));
  return hash.digest('hex');
}

export function healthy(t: TestCore): void {
  const db = t.core.opened.db;
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

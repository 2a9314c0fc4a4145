import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, ARCHIVE_MAX_CHARS } from '@shared/archive';
import type { ExportedFile } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { fileSlug } from '../planning/file-names';
import { toZoned } from '../planning/zoned-time';

/** Built-in templates the rows point at, by key: their ids differ from one computer to the next. */
function builtinsUsed(repos: Repositories, tables: Map<string, ArchiveRow[]>): { id: string; key: string }[] {
  const builtins = new Map(repos.archive.builtinTemplates().map((b) => [b.id, b.key]));
  const used = new Map<string, string>();
  for (const [table, rows] of tables) {
    for (const column of repos.archive.referencesTo(table, 'agenda_templates')) {
      for (const row of rows) {
        const key = builtins.get(String(row[column]));
        if (key) used.set(String(row[column]), key);
      }
    }
  }
  return [...used].map(([id, key]) => ({ id, key }));
}

/**
 * Ratings as the archive carries them. In a meeting with an anonymous rating, the named ones go
 * without their attendee and instant too: the attendee list and four named raters of five would
 * otherwise name the anonymous one, in a file that travels. Such a meeting's ratings arrive on the
 * other computer all anonymous (as every view there shows them anyway).
 */
export function withoutElimination(rows: ArchiveRow[]): ArchiveRow[] {
  const withAnonymous = new Set(rows.filter((r) => r.attendee_id === null).map((r) => r.meeting_id));
  return rows.map((r) => (withAnonymous.has(r.meeting_id) ? { ...r, attendee_id: null, at: null } : r));
}

/**
 * One team, everything it owns, as one JSON file: an envelope (format, versions, when, which
 * team) and each table's rows as SQLite holds them, one row per line so two exports diff well.
 */
export function exportTeamArchive(repos: Repositories, clock: Clock, teamId: string): ExportedFile {
  const team = repos.teams.find(teamId);
  if (!team) throw new DomainError('not_found', 'That team does not exist');
  const tables = new Map(
    ARCHIVE_TABLES.map((spec) => {
      const rows = repos.archive.teamRows(spec, teamId);
      return [spec.table, spec.table === 'meeting_feedback' ? withoutElimination(rows) : rows];
    }),
  );
  const envelope = JSON.stringify({
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    schemaVersion: repos.archive.schemaVersion(),
    exportedAt: clock.now(),
    team: { id: team.id, name: team.name },
    builtinTemplates: builtinsUsed(repos, tables),
  });
  const body = [...tables]
    .map(([table, rows]) => `${JSON.stringify(table)}: [${rows.length ? `\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n` : ''}]`)
    .join(',\n');
  const content = `${envelope.slice(0, -1)},\n"tables": {\n${body}\n}}\n`;
  if (content.length > ARCHIVE_MAX_CHARS) {
    const mb = (content.length / 1024 / 1024).toFixed(1);
    throw new DomainError('conflict', `This team's archive would be ${mb} MB; the most Cadence saves in one file is 20 MB.`);
  }
  const date = toZoned(clock.now(), team.timeZone).date;
  return { suggestedName: `${date}-${fileSlug(team.name)}.cadence-archive.json`, content };
}

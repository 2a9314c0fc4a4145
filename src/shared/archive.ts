/** A team archive and its import, as they cross the contract. JSON only. */
import type { Id, Member } from './domain';

export const ARCHIVE_FORMAT = 'cadence.team-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
/**
 * The largest archive Cadence writes or reads: the same as files.saveText allows, since the
 * export is saved through it. A team meeting weekly for ten years comes to a few MB.
 */
export const ARCHIVE_MAX_CHARS = 20 * 1024 * 1024;

/** How rows already here are merged; shown with every import summary. */
export const ARCHIVE_MERGE_RULE =
  'Rows are matched by id; missing rows are added and nothing here is deleted. A row that differs: history ' +
  '(member and commitment events, commitments, amendments, tags) is only ever added to; a row with an updated time ' +
  '(team, members, series, meetings, agenda items, parking lot, decisions) keeps the later one; attendance, turns, ' +
  'positions, objections and old business follow the meeting, item or decision they belong to; otherwise what is ' +
  'here is kept and counted as a conflict. What the team holds once (a role name, an agreement version number, a ' +
  'leftover carried into a meeting, an attendee’s rating) but was made apart here and in the archive is settled as ' +
  'a sync settles it.';

export interface ArchiveTableCount {
  table: string;
  inserted: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface ArchiveImportSummary {
  team: { id: Id; name: string; isNew: boolean };
  /** The backup made just before the import: restoring it (Settings, Backups) undoes the import. */
  backupName: string;
  tables: ArchiveTableCount[];
  totals: { inserted: number; updated: number; unchanged: number; conflicts: number };
  /** The first conflicts, to look at by hand. */
  conflicts: { table: string; key: string }[];
  /**
   * What the import changed so the team holds once what it may hold only once, in words (a role of a name made here
   * and in the archive apart: the later renamed "name (2)"; an agreement edit moved up a version), as a sync says it.
   */
  settled: string[];
  rule: string;
}

/** Who "this is me" is, per team. */
export interface MeChoice {
  teamId: Id;
  teamName: string;
  memberId: Id | null;
  memberName: string | null;
  /** The chosen member has left the team: kept, and said so. */
  memberLeft: boolean;
  /** The team's members, to choose from (the first screen asks who you are from this answer alone). */
  members: Pick<Member, 'id' | 'name' | 'leftAt'>[];
}

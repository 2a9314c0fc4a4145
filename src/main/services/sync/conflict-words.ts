import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { FoundConflict } from './merge-rows';
import type { TableRows } from './team-state';

/** A row of the merged team by table and id (undefined when the team holds no such row). */
type Look = (table: string, id: unknown) => ArchiveRow | undefined;

const quoted = (text: unknown) => `“${clip(text)}”`;

/** Values are shown in a line of the conflict list: a long text is cut, with an ellipsis. */
function clip(value: unknown): string {
  const text = value === null || value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** "Decision “Pricing”" for a row held here, "a decision" for one that is not (`column` holds its title or name). */
function titled(noun: string, row: ArchiveRow | undefined, column: string): string {
  const value = row?.[column];
  return value === null || value === undefined ? `a ${noun}` : `${noun} ${quoted(value)}`;
}

/** The person a row stands for: a member by id, or a guest's name. */
const person = (look: Look, memberId: unknown, guest?: unknown) =>
  String(look('members', memberId)?.name ?? guest ?? 'someone no longer in the team');

const meetingOf = (look: Look, id: unknown) => titled('meeting', look('meetings', id), 'title');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What a row is, in the team's words, for each table a sync merges: "commitment “Ship the pricing page” (Ana)".
 * Every table is here (a unit test enumerates them), so no conflict is ever listed by its table's name.
 */
export const ROW_WORDS: Record<string, (row: ArchiveRow | undefined, look: Look) => string> = {
  teams: (r) => titled('team', r, 'name'),
  members: (r) => titled('member', r, 'name'),
  member_events: (r, look) => `a change to ${titled('member', look('members', r?.member_id), 'name')}`,
  agenda_templates: (r) => titled('agenda template', r, 'name'),
  agenda_template_items: (r, look) =>
    `${titled('item', r, 'title')} of ${titled('agenda template', look('agenda_templates', r?.template_id), 'name')}`,
  meeting_series: (r) => titled('meeting series', r, 'name'),
  meetings: (r) => titled('meeting', r, 'title'),
  attendees: (r, look) =>
    r ? `${person(look, r.member_id, r.guest_name)}’s attendance at ${meetingOf(look, r.meeting_id)}` : 'an attendance',
  agenda_items: (r, look) => `${titled('agenda item', r, 'title')} of ${meetingOf(look, r?.meeting_id)}`,
  turns: (r, look) => `a turn in ${titled('agenda item', look('agenda_items', r?.agenda_item_id), 'title')}`,
  live_actions: (r, look) => `a step of ${meetingOf(look, r?.meeting_id)}`,
  parking_lot_items: (r) => titled('parking-lot item', r, 'title'),
  old_business: (r, look) => `${titled('old business item', r, 'title')} in ${meetingOf(look, r?.meeting_id)}`,
  decisions: (r) => titled('decision', r, 'title'),
  decision_tags: (r, look) => `a tag of ${titled('decision', look('decisions', r?.decision_id), 'title')}`,
  positions: (r, look) => `a position on ${titled('decision', look('decisions', r?.decision_id), 'title')}`,
  objections: (r, look) => `an objection to ${titled('decision', look('decisions', r?.decision_id), 'title')}`,
  commitments: (r, look) => (r ? `${titled('commitment', r, 'outcome')} (${person(look, r.owner_id)})` : 'a commitment'),
  commitment_events: (r, look) => `an update of ${ROW_WORDS.commitments!(look('commitments', r?.commitment_id), look)}`,
  amendments: () => 'an amendment to the minutes',
  meeting_feedback: (r, look) => `a check-out rating of ${meetingOf(look, r?.meeting_id)}`,
  agreement_versions: (r) => (r ? `operating agreement, version ${clip(r.version)}` : 'a version of the operating agreement'),
  agreement_revisits: () => 'a revisit of the operating agreement',
  agreement_on_projector: (r, look) => `the agreement on the projector in ${meetingOf(look, r?.meeting_id)}`,
  roles: (r) => titled('role', r, 'name'),
  role_events: (r, look) => `a change to ${titled('role', look('roles', r?.role_id), 'name')}`,
};

/** A column as a person names it: "due date", not "due_date"; an id column by what it points at. */
const fieldWords = (column: string) => column.replace(/_json$|_id$/, '').replace(/_/g, ' ');

/** A value as shown: a member's name where it is a member's id, else the value itself. */
const valueWords = (look: Look, column: string, value: unknown) =>
  quoted(column.endsWith('_id') && look('members', value) ? look('members', value)!.name : value);

/** Renamed by the merge to keep role names one per team: "Scribe (2)" from "Scribe" (unique-rows.ts). */
const renamedApart = (c: FoundConflict) =>
  typeof c.kept === 'string' && c.kept.startsWith(`${String(c.other)} (`) && /\(\d+\)$/.test(c.kept);

/**
 * What a conflict is about and what happened, in the team's words, read from the merged rows (the conflict keeps its
 * table, id, column and values for tools and tests). Each kind the merge lists: an agreement version moved up and a
 * role renamed to keep names unique (unique-rows.ts; an archive import lists them too), a commitment given two outcomes
 * or two dates (outcome-conflicts.ts; a date as a field), and a field both laptops changed (any table).
 */
export function conflictWords(c: FoundConflict, tables: ReadonlyMap<string, TableRows>): string {
  const look: Look = (table, id) => (typeof id === 'string' ? tables.get(table)?.get(JSON.stringify([id]))?.row : undefined);
  const row = look(c.entity, c.id);
  const what = capital((ROW_WORDS[c.entity] ?? (() => 'a record'))(row, look));
  if (c.entity === 'agreement_versions' && c.field === 'version')
    return `Operating agreement: an edit made apart as version ${clip(c.other)} became version ${clip(c.kept)} (another laptop’s edit took number ${clip(c.other)})`;
  if (c.entity === 'roles' && c.field === 'name' && renamedApart(c))
    return `Role ${quoted(c.other)} was renamed ${quoted(c.kept)}: another laptop made a role of that name first`;
  if (c.entity === 'commitments' && c.field === 'status')
    return `${what}: marked ${clip(c.other)} on one laptop, ${clip(c.kept)} on another — kept: ${clip(c.kept)} (the later)`;
  return `${what}: ${fieldWords(c.field)} changed on two laptops — kept ${valueWords(look, c.field, c.kept)}, not ${valueWords(look, c.field, c.other)}`;
}

import type { ArchiveRow } from '../../db/repositories/archive-repository';

/** The database version whose migration (018) gave an agenda item's plan a column of its own. */
const PLAN_APART_FROM_NOTES = 18;

/** The text an item's notes held before the room's first change, from the undo log, as migration 018 reads it. */
function plannedTextByItem(liveActions: readonly ArchiveRow[]): Map<string, string> {
  const firsts = new Map<string, { at: number; id: string; text: string }>();
  for (const action of liveActions) {
    if (action.kind !== 'notes' || typeof action.before_json !== 'string') continue;
    let before: unknown;
    try {
      before = JSON.parse(action.before_json);
    } catch {
      continue;
    }
    const notes = (before as { notes?: { itemId?: unknown; text?: unknown } } | null)?.notes;
    if (typeof notes?.itemId !== 'string' || typeof notes.text !== 'string') continue;
    const at = Number(action.at);
    const id = String(action.id);
    const first = firsts.get(notes.itemId);
    if (!first || at < first.at || (at === first.at && id < first.id)) firsts.set(notes.itemId, { at, id, text: notes.text });
  }
  return new Map([...firsts].map(([itemId, first]) => [itemId, first.text]));
}

/**
 * An archive written before database version 18 carries each agenda item's plan in its notes, as the database did
 * then: imported as it is, the plan would read as what the room said (in the console's notes box and the minutes).
 * Its rows are split the way migration 018 split the database: an item written in while its meeting ran takes as
 * its plan what its notes held before the room's first change, and keeps what followed as notes (the whole text stays
 * notes where the room edited the planned text itself); any other item's text is its plan, and its notes start empty.
 */
export function splitPlanFromNotes(schemaVersion: number, agendaItems: readonly ArchiveRow[], liveActions: readonly ArchiveRow[]): void {
  if (schemaVersion >= PLAN_APART_FROM_NOTES) return;
  const planned = plannedTextByItem(liveActions);
  for (const item of agendaItems) {
    const notes = typeof item.notes === 'string' ? item.notes : '';
    const plan = planned.get(String(item.id));
    if (plan === undefined) {
      item.plan = notes;
      item.notes = '';
    } else {
      item.plan = plan;
      item.notes = notes.startsWith(plan) ? notes.slice(plan.length).replace(/^[ \t\n\r]+/, '') : notes;
    }
  }
}

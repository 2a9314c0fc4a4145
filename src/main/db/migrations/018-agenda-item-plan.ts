/**
 * FROZEN once shipped. An agenda item's plan (what the facilitator wrote while planning: "One sentence each: how
 * are you arriving?") and the notes the room takes while the item runs shared one column, so the console's notes
 * box opened with the plan in it, as if someone had said it. The plan gets its own column:
 * - an item of a meeting not yet held: what it holds is plan; its notes start empty.
 * - an item of a meeting that ran, written in while it ran: the undo log kept what its notes were before the room's
 *   first change, and that is the plan. What follows it is what the room wrote. Where the room edited the planned
 *   text itself, the two cannot be told apart: the whole text stays notes (it is in the minutes as it was).
 * - an item of a meeting that ran and was never written in: what it holds is its plan (the minutes showed none of
 *   it as notes before either).
 */
export const version = 18;
export const name = 'agenda item plan';

export const sql = `
ALTER TABLE agenda_items ADD COLUMN plan TEXT NOT NULL DEFAULT '';

CREATE TEMP TABLE first_note_change AS
  SELECT json_extract(before_json, '$.notes.itemId') AS item_id, json_extract(before_json, '$.notes.text') AS planned
  FROM (
    SELECT before_json, ROW_NUMBER() OVER (PARTITION BY json_extract(before_json, '$.notes.itemId') ORDER BY at, id) AS n
    FROM live_actions
    WHERE kind = 'notes' AND json_valid(before_json) AND json_type(before_json, '$.notes.text') = 'text'
  )
  WHERE n = 1;

UPDATE agenda_items
SET plan = f.planned,
    notes = CASE WHEN substr(agenda_items.notes, 1, length(f.planned)) = f.planned
                 THEN ltrim(substr(agenda_items.notes, length(f.planned) + 1), char(32, 9, 10, 13))
                 ELSE agenda_items.notes END
FROM first_note_change f
WHERE f.item_id = agenda_items.id;

UPDATE agenda_items SET plan = notes, notes = ''
WHERE id NOT IN (SELECT item_id FROM first_note_change WHERE item_id IS NOT NULL);

DROP TABLE first_note_change;
`;

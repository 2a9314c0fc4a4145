/**
 * FROZEN once shipped. Each decision keeps one number for life within its team ("ADR-0007"), so an
 * exported MADR folder keeps its file names and supersede links when a decision is added later,
 * and every computer the team's archive reaches shows the same numbers. Existing decisions are
 * numbered in the order they were created. A trigger numbers every new row that comes without one
 * (the service, the demo, an archive from before numbers), so no writer can forget; an archive's
 * row keeps the number it carries.
 */
export const version = 11;
export const name = 'decision numbers';

export const sql = `
ALTER TABLE decisions ADD COLUMN number INTEGER CHECK (number IS NULL OR number >= 1);
UPDATE decisions SET number = (
  SELECT n FROM (
    SELECT id, row_number() OVER (PARTITION BY team_id ORDER BY created_at, id) AS n FROM decisions
  ) numbered WHERE numbered.id = decisions.id
);
CREATE UNIQUE INDEX decisions_by_team_number ON decisions(team_id, number);
CREATE TRIGGER decision_numbered AFTER INSERT ON decisions
WHEN NEW.number IS NULL
BEGIN
  UPDATE decisions SET number = 1 + coalesce((SELECT max(number) FROM decisions WHERE team_id = NEW.team_id), 0)
  WHERE id = NEW.id;
END;
`;

/**
 * FROZEN once shipped. A decision records which of its options was chosen (the option's title as
 * written among its options), so the MADR export and the minutes state it instead of guessing.
 * Decided rows (accepted, superseded, reversed) from before are filled only where the export's old
 * guess was unambiguous: exactly one option every word of whose title the decision's title or text
 * uses. Words here are split on spaces and common punctuation and compared in lower case
 * (ASCII folding, as SQLite's lower()); anything else stays null, which says "not recorded".
 */
export const version = 12;
export const name = 'chosen option';

const words = (column: string) =>
  `' ' || lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(${column}, '-', ' '), ',', ' '), '.', ' '), ':', ' '), ';', ' '), '!', ' '), '?', ' '), '(', ' '), ')', ' '), '"', ' '), char(10), ' '), char(9), ' ')) || ' '`;

export const sql = `
ALTER TABLE decisions ADD COLUMN chosen_option TEXT;
WITH RECURSIVE
  opts AS (
    SELECT d.id AS decision_id, CAST(o.key AS INTEGER) AS k, ${words("coalesce(json_extract(o.value, '$.title'), '')")} AS rest,
           ${words("d.title || ' ' || d.decision")} AS said
    FROM decisions d, json_each(d.options_json) o
    WHERE json_valid(d.options_json) AND d.status IN ('accepted', 'superseded', 'reversed')
  ),
  split(decision_id, k, word, rest, said) AS (
    SELECT decision_id, k, '', substr(rest, 2), said FROM opts
    UNION ALL
    SELECT decision_id, k, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1), said
    FROM split WHERE instr(rest, ' ') > 0
  ),
  matched AS (
    SELECT decision_id, k FROM split GROUP BY decision_id, k
    HAVING sum(word <> '') > 0 AND sum(word <> '' AND instr(said, ' ' || word || ' ') = 0) = 0
  ),
  sole AS (SELECT decision_id, min(k) AS k FROM matched GROUP BY decision_id HAVING count(*) = 1)
UPDATE decisions SET chosen_option = (
  SELECT json_extract(decisions.options_json, '$[' || sole.k || '].title') FROM sole WHERE sole.decision_id = decisions.id
)
WHERE id IN (SELECT decision_id FROM sole);
`;

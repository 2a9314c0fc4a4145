import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  link,
  serialise,
  serialiseWithTable,
  table,
  heading,
  paragraph,
  text,
  type Cell,
} from '../../src/main/services/exports/markdown-nodes';

const SEED = Number(process.env.MADR_SEED ?? Date.now() % 100000);
process.stdout.write(`madr index seed: ${SEED} (replay with MADR_SEED=${SEED})\n`);

const columns = { header: ['#', 'Decision', 'Status', 'Date', 'Owner'], align: ['left', 'left', 'left', 'left', 'left'] as 'left'[] };
// What a title or a name may hold that Markdown cares about: pipes, emphasis, brackets, backslashes, line breaks, wide letters.
const words = fc.stringMatching(/^[a-zA-Z0-9 |*_\\[\]()`#<>!&~:.田\n-]{0,24}$/);
const row = fc
  .tuple(words, words, words, words, words)
  .map(([n, title, href, status, owner]): Cell[] => [n, link(href || 'x.md', title), status, '2026-11-24', owner]);

describe('the MADR index, its rows written one by one', () => {
  it('is the text serialising the whole table gives (seed printed)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const intro = [heading(1, 'Decisions: Platform'), paragraph(text('2 decisions.'))];
        expect(serialiseWithTable(intro, columns, rows)).toBe(serialise([...intro, table(columns.header, rows, columns.align)]));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

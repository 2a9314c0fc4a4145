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
import { sameJson } from '../../src/main/services/exports/madr-memo';

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

describe('a kept MADR record’s inputs, compared value by value', () => {
  it('are the same exactly when they serialise to the same JSON, keys in order (seed printed)', () => {
    // JSON values: no undefined (JSON.stringify drops it, where the comparison counts it as a difference).
    const value = fc.jsonValue();
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('tells one changed field deep in a record from the record as it was', () => {
    const record = { detail: { id: 'd1', positions: [{ memberId: 'm1', stance: 'for' }], tags: ['a'] }, date: '2026-11-24' };
    const changed = structuredClone(record);
    changed.detail.positions[0]!.stance = 'against';
    expect(sameJson(record, structuredClone(record))).toBe(true);
    expect(sameJson(record, changed)).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson(new Date(0), new Date(1))).toBe(false);
  });
});

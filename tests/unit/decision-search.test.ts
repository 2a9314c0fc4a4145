import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionCount, MARK_END, MARK_START, splitMarked } from '../../src/shared/decisions';
import { marker } from '../../src/main/services/decisions/highlight';
import { toSearchQuery } from '../../src/main/services/decisions/search-query';
import { openTestCore, type TestCore } from '../support/core';
import { decisionFixture, type Room } from '../support/decision-fixture';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

const { room, propose, accept } = decisionFixture(() => t);

describe('decision log search', () => {
  async function seedLog(r: Room) {
    const inTitle = await propose(r, 'Quarterly roadmap review', { rationale: 'Keeps priorities honest' });
    const inRationale = await propose(r, 'Hiring plan', { rationale: 'The roadmap needs a second designer' });
    const inObjection = await propose(r, 'Office days', { rationale: 'Collaboration' });
    await t.call('decisions.position', {
      decisionId: inObjection.id,
      memberId: r.member.Ben,
      stance: 'block',
      reason: 'Conflicts with the roadmap offsite',
    });
    return { inTitle, inRationale, inObjection };
  }

  it('ranks a match in the title above one in the rationale above one in an objection, and marks the words', async () => {
    const r = await room();
    const { inTitle, inRationale, inObjection } = await seedLog(r);
    const page = await t.call('decisions.search', { query: 'roadmap' });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.id)).toEqual([inTitle.id, inRationale.id, inObjection.id]);
    expect(page.rows[0]!.titleMarked).toBe(`Quarterly ${MARK_START}roadmap${MARK_END} review`);
    expect(page.rows[1]!.snippet).toContain(`${MARK_START}roadmap${MARK_END}`);
    expect(
      splitMarked(page.rows[1]!.snippet)
        .filter((p) => p.marked)
        .map((p) => p.text),
    ).toEqual(['roadmap']);
    expect(page.rows[2]!.snippet).toContain('offsite');
  });

  it('finds words by prefix and in any order, folds accents and case', async () => {
    const r = await room();
    await propose(r, 'Café opening hours', { rationale: 'Customers asked for earlier mornings' });
    expect((await t.call('decisions.search', { query: 'cafe' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'MORNINGS customers' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'morn' })).total).toBe(1);
    // Three letters are a prefix (read from the prefix index, accents folded); two are a word of their own.
    expect((await t.call('decisions.search', { query: 'mor' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'CAF' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'earlier caf' })).rows[0]!.titleMarked).toBe(
      `${MARK_START}Café${MARK_END} opening hours`,
    );
    expect((await t.call('decisions.search', { query: 'mo' })).total).toBe(0);
    expect((await t.call('decisions.search', { query: 'mornings evenings' })).total).toBe(0);
  });

  it('never throws on FTS syntax: quotes, stars, minus, NEAR, brackets and unbalanced quotes are plain text', async () => {
    const r = await room();
    await propose(r, 'Near-term hiring "freeze"', { rationale: 'Budget -20% next year' });
    const odd = [
      '"',
      '""',
      '*',
      '-',
      'NEAR',
      'NEAR(',
      '"unbalanced',
      'freeze"',
      'a OR',
      'NOT',
      '^hiring',
      'hiring:',
      '(((',
      ')',
      '{x}',
      'AND AND',
      '-20%',
      'near-term',
      '🙂',
      '\\',
      "'",
      'x'.repeat(500),
    ];
    for (const query of odd) {
      const page = await t.call('decisions.search', { query });
      expect(Array.isArray(page.rows), query).toBe(true);
    }
    expect((await t.call('decisions.search', { query: '"freeze' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'near-term' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: 'NEAR' })).total).toBe(1);
    expect((await t.call('decisions.search', { query: '-20%' })).total).toBe(1);
    const punctuation = await t.call('decisions.search', { query: '"*-' });
    expect(punctuation.total).toBe(0);
    expect(punctuation.notice).toBe('Nothing to search for in “"*-”: type a word or a number.');
    expect((await t.call('decisions.search', { query: 'hiring NEAR freeze' })).notice).toMatch(/searched as plain text/);
  });

  it("finds in the demo team a superseded decision with dissent (Priya's journey filters to both)", async () => {
    await t.call('demo.load', {});
    const page = await t.call('decisions.search', { hasDissent: true, statuses: ['superseded'] });
    expect(page.rows.map((row) => row.title)).toEqual(['Monthly release with a freeze week']);
    const record = await t.call('decisions.get', { decisionId: page.rows[0]!.id });
    expect(record.objections.map((o) => [o.memberName, o.resolution, o.resolvedByName])).toEqual([
      ['Diego Alvarez', 'overruled', 'Maya Okafor'],
    ]);
  });

  it('filters by status, owner, tag, dissent, review due and date range', async () => {
    const r = await room();
    const { inTitle, inObjection } = await seedLog(r);
    await t.call('decisions.update', { decisionId: inTitle.id, tags: ['planning'], reviewDate: '2026-11-20' });
    await accept(inTitle.id);
    const search = (input: Record<string, unknown>) => t.call('decisions.search', { ...input });
    expect((await search({ statuses: ['accepted'] })).rows.map((x) => x.id)).toEqual([inTitle.id]);
    expect((await search({ tag: 'Planning' })).rows.map((x) => x.id)).toEqual([inTitle.id]);
    expect((await search({ hasDissent: true })).rows.map((x) => x.id)).toEqual([inObjection.id]);
    expect((await search({ reviewDue: true })).rows.map((x) => x.id)).toEqual([inTitle.id]);
    expect((await search({ ownerId: r.member.Ana })).total).toBe(3);
    expect((await search({ ownerId: r.member.Ben })).total).toBe(0);
    expect((await search({ from: '2026-11-24', to: '2026-11-24' })).total).toBe(3);
    expect((await search({ from: '2026-11-25' })).total).toBe(0);
    const backwards = await search({ from: '2026-11-25', to: '2026-11-01' });
    expect(backwards.notice).toMatch(/after the “to” date/);
    const paged = await search({ sort: 'oldest', limit: 2, offset: 1 });
    expect(paged).toMatchObject({ total: 3, totalIsExact: true });
    expect(paged.rows).toHaveLength(2);
  });

  /** `count` decisions written as plain rows (the triggers index them), numbered from `first`, decided at their number. */
  function bulk(teamId: string, count: number, first = 1, rationale = (i: number) => (i > 0 ? 'budget' : '')) {
    t.core.opened.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO decisions (id, team_id, title, status, rationale, decided_at, created_at, updated_at)
         SELECT printf('01900000-0000-7000-8000-%012d', i), ?, 'Budget item ' || i, 'accepted', ?, i, i, i FROM n`,
      )
      .run(first, first + count - 1, teamId, rationale(first));
  }

  it('past 2,000 matches stops counting and says "more than", the most recently recorded first', async () => {
    const r = await room();
    bulk(r.teamId, 2500);
    const many = await t.call('decisions.search', { query: 'budget', limit: 3 });
    expect(many).toMatchObject({ total: 2000, totalIsExact: false });
    expect(decisionCount(many)).toBe('More than 2,000 decisions');
    expect(many.notice).toBe('More than 2,000 matches, so the most recently recorded come first: add a word to rank them by relevance.');
    expect(many.rows.map((row) => row.title)).toEqual(['Budget item 2500', 'Budget item 2499', 'Budget item 2498']);
    expect(many.rows[0]!.titleMarked).toBe(`${MARK_START}Budget${MARK_END} item 2500`);
    // A deeper page counts at least as far as itself; near the end the count is exact again.
    const deeper = await t.call('decisions.search', { query: 'budget', offset: 2000, limit: 3 });
    expect(deeper).toMatchObject({ total: 2003, totalIsExact: false });
    expect(deeper.rows.map((row) => row.title)).toEqual(['Budget item 500', 'Budget item 499', 'Budget item 498']);
    const last = await t.call('decisions.search', { query: 'budget', offset: 2490, limit: 50 });
    expect(last).toMatchObject({ total: 2500, totalIsExact: true });
    expect(last.rows.map((row) => row.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Budget item ${10 - i}`));
    // A team filter and a status filter keep the bound.
    const team = await t.call('decisions.search', { query: 'budget', teamId: r.teamId, statuses: ['accepted'], limit: 2 });
    expect(team).toMatchObject({ total: 2000, totalIsExact: false, notice: many.notice });
    expect(team.rows.map((row) => row.title)).toEqual(['Budget item 2500', 'Budget item 2499']);
    const teamDeeper = await t.call('decisions.search', { query: 'budget', teamId: r.teamId, offset: 2000, limit: 3 });
    expect(teamDeeper).toMatchObject({ total: 2003, totalIsExact: false });
    expect(teamDeeper.rows.map((row) => row.title)).toEqual(deeper.rows.map((row) => row.title));
    // By date, the bound holds too; the order is by date.
    const newest = await t.call('decisions.search', { query: 'budget', sort: 'newest', limit: 2 });
    expect(newest).toMatchObject({ total: 2000, totalIsExact: false, notice: null });
    expect(newest.rows.map((row) => row.title)).toEqual(['Budget item 2500', 'Budget item 2499']);
    const oldest = await t.call('decisions.search', { query: 'budget', sort: 'oldest', limit: 2 });
    expect(oldest.rows.map((row) => row.title)).toEqual(['Budget item 1', 'Budget item 2']);
    // A second word narrows it back to an exact, scored count.
    const few = await t.call('decisions.search', { query: 'budget 17', limit: 3 });
    expect(few).toMatchObject({ total: 1, totalIsExact: true, notice: null });
    expect(few.rows.map((row) => row.title)).toEqual(['Budget item 17']);
    // Listing without words counts exactly, however many.
    expect(await t.call('decisions.search', { limit: 1 })).toMatchObject({ total: 2500, totalIsExact: true });
  });

  it('ranks as FTS5 ranks when a word is in most decisions (scored without it, as its weight is nil)', async () => {
    const r = await room();
    bulk(r.teamId, 2500);
    const three = await propose(r, 'Plan A', { rationale: 'budget roadmap roadmap roadmap' });
    const one = await propose(r, 'Plan B', { rationale: 'budget roadmap, and a much longer rationale with many other words in it' });
    const two = await propose(r, 'Plan C', { rationale: 'budget roadmap roadmap' });
    const fts = t.core.opened.db.prepare(
      `SELECT d.id FROM decisions_fts f JOIN decisions d ON d.rowid = f.rowid WHERE decisions_fts MATCH ?
       ORDER BY bm25(decisions_fts, 10.0, 3.0, 4.0, 5.0, 2.0, 0.0), f.rowid DESC`,
    );
    // 'budget' is in every decision: the whole word past 2,000 matches, then as the prefix typed last.
    for (const [query, match] of [
      ['budget roadmap', '"budget" "roadmap"*'],
      ['roadmap budget', '"roadmap" "budget"*'],
    ] as const) {
      const page = await t.call('decisions.search', { query });
      expect(page).toMatchObject({ total: 3, totalIsExact: true, notice: null });
      expect(page.rows.map((row) => row.id)).toEqual([three.id, two.id, one.id]);
      expect(page.rows.map((row) => row.id)).toEqual((fts.all(match) as { id: string }[]).map((row) => row.id));
    }
  });

  it("counts and pages one team's matches exactly when its decisions lie among another team's", async () => {
    const r = await room();
    const other = (await t.call('teams.create', { name: 'Sales', timeZone: 'Europe/Berlin', members: ['Eve'] })).id;
    // Recorded in turns: Ops 1-300, Sales 301-600, Ops 601-900, so Ops' rowids span Sales' decisions.
    bulk(r.teamId, 300, 1);
    bulk(other, 300, 301);
    bulk(r.teamId, 300, 601);
    const ops = await t.call('decisions.search', { query: 'budget', teamId: r.teamId, sort: 'newest', limit: 500 });
    expect(ops).toMatchObject({ total: 600, totalIsExact: true });
    expect(new Set(ops.rows.map((row) => row.teamId))).toEqual(new Set([r.teamId]));
    expect(ops.rows[0]!.title).toBe('Budget item 900');
    expect(ops.rows.at(-1)!.title).toBe('Budget item 101');
    const sales = await t.call('decisions.search', { query: 'item', teamId: other, statuses: ['accepted'] });
    expect(sales).toMatchObject({ total: 300, totalIsExact: true });
    expect(await t.call('decisions.search', { query: 'budget', teamId: other, statuses: ['rejected'] })).toMatchObject({ total: 0 });
    // A team's matches under the bound are ranked while counted: pages follow one order, and past the end the count stays exact.
    const ranked = await t.call('decisions.search', { query: 'budget', teamId: r.teamId, limit: 300 });
    expect(ranked).toMatchObject({ total: 600, totalIsExact: true, notice: null });
    const second = await t.call('decisions.search', { query: 'budget', teamId: r.teamId, offset: 150, limit: 150 });
    expect(second.rows.map((row) => row.id)).toEqual(ranked.rows.slice(150).map((row) => row.id));
    expect(await t.call('decisions.search', { query: 'budget', teamId: r.teamId, offset: 700 })).toMatchObject({ total: 600, rows: [] });
    expect(decisionCount({ total: 1, totalIsExact: true })).toBe('1 decision');
    expect(decisionCount({ total: 2345, totalIsExact: true })).toBe('2,345 decisions');
  });

  it("never matches a team's own word in the index: a typed word like it finds only decisions that say it", async () => {
    const r = await room();
    bulk(r.teamId, 3);
    // The index holds each decision's team as `t` and the hex of its id (migration 021), searched only by a team filter.
    const word = `t${Buffer.from(r.teamId, 'utf8').toString('hex')}`;
    for (const query of [word, word.slice(0, 4), `budget ${word.slice(0, 5)}`, `ť${word.slice(1, 4)}`]) {
      expect(await t.call('decisions.search', { query })).toMatchObject({ total: 0, rows: [] });
      expect(await t.call('decisions.search', { query, teamId: r.teamId })).toMatchObject({ total: 0, rows: [] });
    }
    const said = await propose(r, `Rename ${word.slice(0, 6)} servers`, { rationale: 'Clearer names' });
    expect((await t.call('decisions.search', { query: word.slice(0, 6) })).rows.map((row) => row.id)).toEqual([said.id]);
    expect((await t.call('decisions.search', { query: word.slice(0, 6), teamId: r.teamId })).rows.map((row) => row.id)).toEqual([said.id]);
  });

  it('marks accented and differently cased words as the index matched them', async () => {
    const r = await room();
    await propose(r, 'Café hours', { rationale: 'Öffnungszeiten der CAFÉ-Bar, früher als bisher' });
    const page = await t.call('decisions.search', { query: 'cafe offnungszeiten fruh' });
    expect(page.rows[0]!.titleMarked).toBe(`${MARK_START}Café${MARK_END} hours`);
    expect(
      splitMarked(page.rows[0]!.snippet)
        .filter((p) => p.marked)
        .map((p) => p.text),
    ).toEqual(['Öffnungszeiten', 'CAFÉ', 'früher']);
  });

  it('marks plain ASCII text as it marks any text: any case, the last word as a prefix, whole words only', () => {
    const mark = marker({ words: ['plan', 're'], lastIsPrefix: true });
    const plain = 'Replan the REview: re-review plans, a preplanned plan_b and 2 PLAN.';
    // One accented letter more sends the text the general way (every word folded as the tokenizer folds it).
    const accented = `${plain} é`;
    expect(mark.all(plain)).toBe(
      `${MARK_START}Replan${MARK_END} the ${MARK_START}REview${MARK_END}: ${MARK_START}re${MARK_END}-${MARK_START}review${MARK_END} plans, a preplanned ${MARK_START}plan${MARK_END}_b and 2 ${MARK_START}PLAN${MARK_END}.`,
    );
    expect(mark.all(accented)).toBe(`${mark.all(plain)} é`);
    expect(mark.snippet(plain, 4)).toBe(`${MARK_START}Replan${MARK_END} the ${MARK_START}REview${MARK_END}: ${MARK_START}re${MARK_END}…`);
    expect(mark.snippet(accented, 4)).toBe(mark.snippet(plain, 4));
    expect(marker({ words: ['zebra'], lastIsPrefix: false }).snippet(plain)).toBe('');
    expect(marker({ words: ['café'], lastIsPrefix: false }).all('Cafe hours')).toBe(`${MARK_START}Cafe${MARK_END} hours`);
  });

  it('reads typed input safely into FTS terms', () => {
    expect(toSearchQuery('  ')).toEqual({ match: null, terms: [], lastIsPrefix: false, notice: null });
    expect(toSearchQuery('Roadmap roadmap review').match).toBe('"roadmap" "review"*');
    expect(toSearchQuery('a "b" NEAR c').match).toBe('"a" "b" "near" "c"');
    expect(toSearchQuery('review ro').match).toBe('"review" "ro"');
  });
});

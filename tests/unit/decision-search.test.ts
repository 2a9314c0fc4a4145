import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, splitMarked } from '../../src/shared/decisions';
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
    expect(paged.total).toBe(3);
    expect(paged.rows).toHaveLength(2);
  });

  it('orders by date with a clear notice when a word matches more decisions than ranking should score', async () => {
    const r = await room();
    // 2,500 decisions that all mention "budget", written as plain rows (the triggers index them).
    t.core.opened.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
         INSERT INTO decisions (id, team_id, title, status, rationale, decided_at, created_at, updated_at)
         SELECT printf('01900000-0000-7000-8000-%012d', i), ?, 'Budget item ' || i, 'accepted', 'budget', i, i, i FROM n`,
      )
      .run(r.teamId);
    const many = await t.call('decisions.search', { query: 'budget', limit: 3 });
    expect(many.total).toBe(2500);
    expect(many.notice).toBe('More than 2,000 matches, so the newest come first: add a word to rank them by relevance.');
    expect(many.rows.map((row) => row.title)).toEqual(['Budget item 2500', 'Budget item 2499', 'Budget item 2498']);
    expect(many.rows[0]!.titleMarked).toBe(`${MARK_START}Budget${MARK_END} item 2500`);
    const few = await t.call('decisions.search', { query: 'budget 17', limit: 3 });
    expect(few.notice).toBeNull();
    expect(few.rows.map((row) => row.title)).toEqual(['Budget item 17']);
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

  it('reads typed input safely into FTS terms', () => {
    expect(toSearchQuery('  ')).toEqual({ match: null, terms: [], lastIsPrefix: false, notice: null });
    expect(toSearchQuery('Roadmap roadmap review').match).toBe('"roadmap" "review"*');
    expect(toSearchQuery('a "b" NEAR c').match).toBe('"a" "b" "near" "c"');
    expect(toSearchQuery('review ro').match).toBe('"review" "ro"');
  });
});

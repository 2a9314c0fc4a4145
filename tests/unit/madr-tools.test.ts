import fs from 'node:fs';
import path from 'node:path';
import { Log4brains } from '@log4brains/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSlug } from '../../src/main/services/planning/file-names';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';
import { markdownlintFaults } from './helpers/markdownlint';

let t: TestCore;
const temp = tempDirs('madr-tools');
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => {
  t.close();
  temp.removeAll();
});
const tempDir = temp.make;

/**
 * The demo team (its supersede chain ADR-0001 → 0004, ADR-0005 accepted, ADR-0006 deferred) and
 * a meeting today that rejects one proposal and reverses ADR-0005 with another, titled in Japanese.
 */
async function demoWithMore(): Promise<string> {
  const demo = await t.call('demo.load', {});
  const { meetingId } = await t.call('meetings.create', {
    teamId: demo.id,
    title: 'Extra',
    date: '2026-11-24',
    time: '10:00',
    lengthMin: 30,
  });
  let m = await t.call('meetings.get', { meetingId });
  m = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: m.meeting.agendaRevision,
    kind: 'proposal',
    title: 'P',
    plannedMin: 10,
  });
  for (const a of m.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
  await t.call('meetings.start', { meetingId });
  const item = m.items.find((i) => i.kind === 'proposal')!.id;
  const owner = m.members[0]!.id;
  const log = await t.call('decisions.search', { teamId: demo.id });
  const hotfix = log.rows.find((r) => r.title === 'Two reviewers for every hotfix')!.id;
  const rejected = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: item,
    title: 'パーティー',
    decision: 'A party',
    ownerId: owner,
    supersedesId: null,
  });
  await t.call('decisions.decide', { decisionId: rejected.id, outcome: 'rejected' });
  t.clock.advance(60_000);
  const reversal = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: item,
    title: '田中さんにあげて下さい',
    decision: 'One reviewer again',
    rationale: 'Nights waited too long',
    ownerId: owner,
    supersedesId: hotfix,
    supersedeKind: 'reverses',
  });
  await t.call('decisions.readBack', { decisionId: reversal.id, on: true });
  await t.call('decisions.decide', { decisionId: reversal.id, outcome: 'accepted' });
  return demo.id;
}

async function exportTo(teamId: string | null, folder: string): Promise<string[]> {
  expect(await t.call('exports.decisionsMadr', { teamId, folder })).toMatchObject({ status: 'saved' });
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort();
}

describe('the exported MADR folder, read by the tools teams use', () => {
  it('log4brains reads each record’s title, status, date, deciders and supersede link', async () => {
    const teamId = await demoWithMore();
    const root = tempDir();
    fs.writeFileSync(path.join(root, '.log4brains.yml'), 'project:\n  name: Harbor\n  tz: UTC\n  adrFolder: ./docs/adr\n');
    const names = await exportTo(teamId, path.join(root, 'docs', 'adr'));
    expect(names).toContain('0007-パーティー.md');
    expect(names).toContain('0008-田中さんにあげて下さい.md');

    const adrs = await Log4brains.create(root).searchAdrs();
    const read = adrs
      .map((a) => ({
        slug: a.slug,
        title: a.title,
        status: a.status,
        date: a.publicationDate?.slice(0, 10) ?? null,
        deciders: a.deciders,
        supersededBy: a.supersededBy,
      }))
      .sort((a, b) => (a.slug < b.slug ? -1 : 1));
    expect(read).toEqual([
      {
        slug: '0001-ship-when-a-feature-is-ready',
        title: 'Ship when a feature is ready',
        status: 'superseded',
        date: '2025-04-03',
        deciders: ['Maya Okafor'],
        supersededBy: '0002-monthly-release-with-a-freeze-week',
      },
      {
        slug: '0002-monthly-release-with-a-freeze-week',
        title: 'Monthly release with a freeze week',
        status: 'superseded',
        date: '2025-10-20',
        deciders: ['Maya Okafor'],
        supersededBy: '0003-release-every-thursday',
      },
      {
        slug: '0003-release-every-thursday',
        title: 'Release every Thursday',
        status: 'superseded',
        date: '2026-04-08',
        deciders: ['Maya Okafor'],
        supersededBy: '0004-move-to-a-two-week-release-train',
      },
      {
        slug: '0004-move-to-a-two-week-release-train',
        title: 'Move to a two-week release train',
        status: 'accepted',
        date: '2026-11-09',
        deciders: ['Sam Lindqvist'],
        supersededBy: null,
      },
      // Reversed: log4brains follows a replacement only as "superseded by"; More Information says it was a reversal.
      {
        slug: '0005-two-reviewers-for-every-hotfix',
        title: 'Two reviewers for every hotfix',
        status: 'superseded',
        date: '2026-11-16',
        deciders: ['Maya Okafor'],
        supersededBy: '0008-田中さんにあげて下さい',
      },
      // log4brains has no "deferred": it reads a status it does not know as a draft, which a deferred proposal is.
      {
        slug: '0006-adopt-a-design-review-checklist',
        title: 'Adopt a design review checklist',
        status: 'draft',
        date: '2026-11-16',
        deciders: ['Priya Raman'],
        supersededBy: null,
      },
      {
        slug: '0007-パーティー',
        title: 'パーティー',
        status: 'rejected',
        date: '2026-11-24',
        deciders: [expect.any(String)],
        supersededBy: null,
      },
      {
        slug: '0008-田中さんにあげて下さい',
        title: '田中さんにあげて下さい',
        status: 'accepted',
        date: '2026-11-24',
        deciders: [expect.any(String)],
        supersededBy: null,
      },
    ]);
    const reversed = fs.readFileSync(path.join(root, 'docs', 'adr', '0005-two-reviewers-for-every-hotfix.md'), 'utf8');
    expect(reversed).toContain('status: superseded by [ADR-0008](0008-田中さんにあげて下さい.md)\n');
    expect(reversed).toContain('- Reversed by [ADR-0008 田中さんにあげて下さい](0008-田中さんにあげて下さい.md)\n');
    // The option whose every word the decision uses is the one chosen, with its pros and cons and the risks as consequences.
    const train = fs.readFileSync(path.join(root, 'docs', 'adr', '0004-move-to-a-two-week-release-train.md'), 'utf8');
    expect(train).toContain('## Decision Outcome\n\nChosen option: "Two-week train", because halving regression days');
    expect(train).toContain(
      '### Consequences\n\n- Good, because half the regression effort; room for a stabilisation day\n- Bad, because fixes wait longer\n' +
        '- Bad, because bigger releases may carry more risk per release; customers may notice slower small fixes.\n',
    );
    expect(train).toMatch(
      /^---\nstatus: accepted\ndate: 2026-11-09\ndecision-makers: \[Sam Lindqvist\]\nconsulted: \[Maya Okafor, Priya Raman, Diego Alvarez, Lena Fischer\]\ninformed: \[Kofi Mensah\]\n\n---\n\n# Move/,
    );
  });

  it('log4brains reads a decider whose name holds a comma as one person', async () => {
    const teamId = await demoWithMore();
    const sam = (await t.call('teams.get', { teamId })).members.find((m) => m.name === 'Sam Lindqvist')!;
    await t.call('members.update', { memberId: sam.id, name: 'Lindqvist, Sam', roleTitle: sam.roleTitle });
    const root = tempDir();
    fs.writeFileSync(path.join(root, '.log4brains.yml'), 'project:\n  name: Harbor\n  tz: UTC\n  adrFolder: ./docs/adr\n');
    await exportTo(teamId, path.join(root, 'docs', 'adr'));
    const train = (await Log4brains.create(root).searchAdrs()).find((a) => a.slug === '0004-move-to-a-two-week-release-train')!;
    expect(train.deciders).toEqual(['Lindqvist\u201a Sam']);
    const file = fs.readFileSync(path.join(root, 'docs', 'adr', '0004-move-to-a-two-week-release-train.md'), 'utf8');
    expect(file).toContain('decision-makers: ["Lindqvist, Sam"]\n');
  });

  it('markdownlint (every default rule but line length) reports nothing, for one team and for every team', async () => {
    await demoWithMore();
    await t.call('teams.create', { name: 'Second team', timeZone: 'UTC', members: ['Ana'] });
    const problems: Record<string, string[]> = {};
    for (const teamId of [(await t.call('teams.list', {}))[0]!.id, null]) {
      const folder = tempDir();
      for (const name of await exportTo(teamId, folder)) {
        const found = markdownlintFaults({ [name]: fs.readFileSync(path.join(folder, name), 'utf8') });
        if (found.length) problems[`${teamId ?? 'all'}/${name}`] = found;
      }
    }
    expect(problems).toEqual({});
  });
});

describe('the MADR folder in git', () => {
  it('exporting unchanged data again, a day later, writes the same bytes', async () => {
    const teamId = await demoWithMore();
    const first = tempDir();
    const second = tempDir();
    const names = await exportTo(teamId, first);
    t.clock.advance(86_400_000);
    expect(await exportTo(teamId, second)).toEqual(names);
    for (const name of names)
      expect(fs.readFileSync(path.join(second, name), 'utf8'), name).toBe(fs.readFileSync(path.join(first, name), 'utf8'));
    expect(fs.readFileSync(path.join(second, 'README.md'), 'utf8')).not.toMatch(/2026-11-25|Exported/);
  });

  it('a decision added later, dated before the others, takes the next number and changes no other file', async () => {
    const teamId = await demoWithMore();
    const before = tempDir();
    const names = await exportTo(teamId, before);
    // Recorded today about a meeting long ago: its date sorts first, its number comes last.
    const { meetingId } = await t.call('meetings.create', { teamId, title: 'Old', date: '2020-01-06', time: '10:00', lengthMin: 30 });
    let m = await t.call('meetings.get', { meetingId });
    m = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: m.meeting.agendaRevision,
      kind: 'proposal',
      title: 'P',
      plannedMin: 10,
    });
    await t.call('decisions.propose', {
      meetingId,
      agendaItemId: m.items.find((i) => i.kind === 'proposal')!.id,
      title: 'Late entry',
      supersedesId: null,
    });
    const after = tempDir();
    const now = await exportTo(teamId, after);
    expect(now.filter((n) => !names.includes(n))).toEqual(['0009-late-entry.md']);
    for (const name of names.filter((n) => n !== 'README.md'))
      expect(fs.readFileSync(path.join(after, name), 'utf8'), name).toBe(fs.readFileSync(path.join(before, name), 'utf8'));
  });
});

describe('a renamed decision', () => {
  it('moves its file: the earlier export’s file of that number goes, and a file a person keeps there stays', async () => {
    const teamId = await demoWithMore();
    const folder = tempDir();
    await exportTo(teamId, folder);
    fs.writeFileSync(path.join(folder, '0005-notes.md'), '# Our notes on ADR-0005\n');
    const log = await t.call('decisions.search', { teamId });
    const hotfix = log.rows.find((r) => r.title === 'Two reviewers for every hotfix')!.id;
    await t.call('decisions.amend', { decisionId: hotfix, reason: 'Clearer title', title: 'Two reviewers for each hotfix' });
    const names = await exportTo(teamId, folder);
    expect(names.filter((n) => n.startsWith('0005-'))).toEqual(['0005-notes.md', '0005-two-reviewers-for-each-hotfix.md']);
    expect(fs.readFileSync(path.join(folder, '0008-田中さんにあげて下さい.md'), 'utf8')).toContain(
      '- Reverses [ADR-0005 Two reviewers for each hotfix](0005-two-reviewers-for-each-hotfix.md)\n',
    );
  });
});

describe('file names', () => {
  it('keep letters and marks of every script, composed, and replace only the rest', () => {
    expect(fileSlug('田中さんにあげて下さい')).toBe('田中さんにあげて下さい');
    expect(fileSlug('パーティー')).toBe('パーティー');
    // Decomposed input (as macOS file names come) is composed, not stripped.
    expect(fileSlug('パーティー'.normalize('NFD'))).toBe('パーティー');
    expect(fileSlug('Café Müller')).toBe('café-müller');
    expect(fileSlug('हिन्दी निर्णय')).toBe('हिन्दी-निर्णय');
    expect(fileSlug('قرار الفريق')).toBe('قرار-الفريق');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(fileSlug('50% #1 release')).toBe('50-1-release');
    expect(fileSlug('🚀 ✨')).toBe('untitled');
    expect(fileSlug('\u0000\u001f\u202e')).toBe('untitled');
    // At most 60 characters as a reader counts them: a letter is never cut from its marks.
    const segments = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)];
    expect(segments(fileSlug('ab'.repeat(70)))).toHaveLength(60);
    // And at most 100 bytes, what a file name can hold beside a date and an extension: 8 syllables of 12 bytes.
    const long = fileSlug('क्षि'.repeat(70));
    expect(long).toBe('क्षि'.repeat(8));
    expect(fileSlug('a' + '\u0301'.repeat(300))).toBe('untitled');
  });
});

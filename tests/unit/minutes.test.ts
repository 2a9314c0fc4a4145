import type { Heading, Table } from 'mdast';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { parseMarkdown as parse, nodesOf as nodes, textOf } from '../support/markdown';
import { heldMeeting } from '../support/minutes-fixture';
import { markdownlintFaults } from './helpers/markdownlint';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => t.close());

describe('minutes in Markdown', () => {
  it('match the reviewed golden file for a fixture meeting', async () => {
    const meetingId = await heldMeeting(t);
    const file = await t.call('minutes.markdown', { meetingId });
    expect(file.suggestedName).toBe('2026-11-23-weekly-b-sync-b.md');
    // Ids are random; the golden file holds a placeholder where the meeting's id goes.
    await expect(file.content.replaceAll(meetingId, '<meeting-id>')).toMatchFileSnapshot('./golden/minutes-weekly.md');
  });

  it('parse back with a real GFM parser: no raw HTML, tables keep their shape, typed text survives', async () => {
    const meetingId = await heldMeeting(t);
    const root = parse((await t.call('minutes.markdown', { meetingId })).content);
    expect(nodes(root, 'html')).toEqual([]);
    const yaml = nodes(root, 'yaml') as unknown as { value: string }[];
    expect(yaml).toHaveLength(1);
    expect(parseYaml(yaml[0]!.value)).toMatchObject({
      meeting: 'Weekly | <b>sync</b>',
      team: 'Platform',
      date: '2026-11-23',
      present: ['Ana', 'Ben'],
      absent: ['Cleo'],
      status: 'final',
      meetingId,
    });
    const tables = nodes(root, 'table') as Table[];
    expect(tables.map((tb) => [tb.children.length, tb.children[0]!.children.length])).toEqual([
      [4, 6], // agenda: header + 3 items, 6 columns
      [3, 3], // positions: header + 2, 3 columns
      [2, 3], // commitments made
    ]);
    // One heading 1, the first thing after the front matter (markdownlint's MD041 and MD025), whose `meeting` key
    // MD025 does not read as a second title; every heading one level under the one before it or above (MD001).
    expect(root.children.slice(0, 2).map((n) => n.type)).toEqual(['yaml', 'heading']);
    const depths = (nodes(root, 'heading') as unknown as Heading[]).map((h) => h.depth);
    expect(depths.filter((d) => d === 1)).toHaveLength(1);
    expect(depths[0]).toBe(1);
    depths.forEach((d, i) => i > 0 && expect(d, `heading ${i + 1}`).toBeLessThanOrEqual(depths[i - 1]! + 1));
    expect(textOf(root.children[1])).toBe('Minutes: Weekly | <b>sync</b>, 2026-11-23');
    expect(textOf(tables[0]!.children[3])).toContain('Hiring | *pipeline*');
    expect(textOf(tables[2]!.children[1])).toContain('Announce it | <i>today</i>');
    // Ben's block was met by changing the proposal: it no longer stands, so it does not read "Block".
    expect(tables[1]!.children.slice(1).map((row) => row.children.slice(0, 2).map(textOf))).toEqual([
      ['Ana', 'Agree'],
      ['Ben', 'Integrated (was block)'],
    ]);
  });

  it('pass markdownlint, whose rules that matter to a reader fire on this linter', async () => {
    const meetingId = await heldMeeting(t);
    const md = (await t.call('minutes.markdown', { meetingId })).content;
    expect(markdownlintFaults({ 'minutes.md': md })).toEqual([]);
    // A clean result from a linter without these rules would prove nothing: each fires on a file that breaks it.
    const rulesOf = (file: string) => new Set(markdownlintFaults({ f: file }).map((fault) => fault.split(' ')[1]!.split('/')[0]));
    const headings = rulesOf(['---', 'meeting: x', '---', '', '## First', '# Top', '### Deep', 'text ', ''].join('\n'));
    expect([...headings].sort()).toEqual(['MD001', 'MD009', 'MD022', 'MD041']); // heading 1 first, levels by one, blanks, trailing space
    expect(rulesOf('# A\n\ntext\n\n# B\n')).toEqual(new Set(['MD025'])); // one heading 1
    expect(rulesOf('---\ntitle: x\n---\n\n# A\n')).toEqual(new Set(['MD025'])); // a front matter title is one
    const table = rulesOf('# T\n\ntext\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| x | y \\| z |\n\ntext\n- a\n');
    expect([...table].sort()).toEqual(['MD032', 'MD056', 'MD058']); // columns as the header's, blanks around tables and lists
  });

  // Found by rendering the minutes as a code host does: a line break typed in the notes was a soft break, which
  // CommonMark renders as a space, so "Agreed:\n- ship it\n- tell support" read as one line on the code host.
  it('notes typed on several lines keep their lines where a code host renders the Markdown, and in the HTML', async () => {
    const team = await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana'] });
    const { meetingId } = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-11-23',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await t.call('meetings.get', { meetingId });
    const { items } = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Release cadence',
      plannedMin: 10,
    });
    await t.call('meetings.start', { meetingId });
    await t.call('live.setNotes', { meetingId, itemId: items[0]!.id, notes: 'Agreed:\n- ship it\n- tell support\n\nThen *lunch*.' });
    await t.call('meetings.end', { meetingId });
    const md = (await t.call('minutes.markdown', { meetingId })).content;
    const rendered = micromark(md, { extensions: [gfm(), frontmatter()], htmlExtensions: [gfmHtml()] });
    expect(rendered).toContain('<p>Agreed:<br />\n- ship it<br />\n- tell support</p>\n<p>Then *lunch*.</p>');
    // The HTML keeps its lines with <br> alone: its paragraphs keep typed spaces (pre-wrap), so a newline after the
    // <br> would show as an empty line.
    const html = (await t.call('minutes.html', { meetingId })).content;
    expect(html).toContain('<p>Agreed:<br>- ship it<br>- tell support</p>');
  });
});

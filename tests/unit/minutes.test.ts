import type { Table } from 'mdast';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { parseMarkdown as parse, nodesOf as nodes, textOf } from '../support/markdown';
import { heldMeeting } from '../support/minutes-fixture';

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
      title: 'Weekly | <b>sync</b>',
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
    // The front matter's title is the document's title (markdownlint's MD025 counts a heading 1 as a second one).
    expect(nodes(root, 'heading').filter((h) => (h as { depth?: number }).depth === 1)).toEqual([]);
    expect(textOf(tables[0]!.children[3])).toContain('Hiring | *pipeline*');
    expect(textOf(tables[2]!.children[1])).toContain('Announce it | <i>today</i>');
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

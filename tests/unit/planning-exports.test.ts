import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';
import { markdownlintFaults } from './helpers/markdownlint';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z')); // a Tuesday
});
afterEach(() => t.close());

/** The agenda exported as Markdown of the series' next meeting with one discussion item of this title and plan. */
async function agendaExportOf(title: string, plan: string) {
  const { series } = await teamWithSeries(t);
  const { meetingId } = await t.call('series.createNextMeeting', { seriesId: series.id });
  const d = await t.call('meetings.get', { meetingId });
  await t.call('agenda.addItem', { meetingId, expectedRevision: d.meeting.agendaRevision, kind: 'discussion', title, plannedMin: 5, plan });
  return t.call('agenda.exportMarkdown', { meetingId });
}

describe('calendar and Markdown exports', () => {
  it('exports the series as an iCalendar event with a recurrence rule in the series zone', async () => {
    const { series } = await teamWithSeries(t);
    const file = await t.call('series.exportCalendar', { seriesId: series.id });
    expect(file.suggestedName).toBe('ops-weekly-sync.ics');
    expect(file.content).toContain('DTSTART;TZID=Europe/Berlin:20261102T100000\r\n');
    expect(file.content).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO\r\n');
    expect(file.content).toContain('DURATION:PT45M\r\n');
  });

  it('exports the agenda as Markdown through a syntax tree: hostile titles stay text', async () => {
    const file = await agendaExportOf('# x | y *z* <script>alert(1)</script>', 'line one\n\nline two | with pipe');
    expect(file.suggestedName).toBe('2026-11-30-weekly-sync-agenda.md');
    const row = file.content.split('\n').find((l) => l.includes('alert'))!;
    // One table row with five cells: the pipe is escaped, the markup is escaped, nothing became HTML.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(row).toContain('\\|');
    expect(file.content).not.toMatch(/(?<!\\)<script>/);
    expect(file.content).toContain('line two | with pipe');
  });

  // A line of the plan typed under another was a soft break, which a code host renders as a space.
  it('keeps each line of an item’s plan a line of its own where a code host renders the agenda, and passes markdownlint', async () => {
    const file = await agendaExportOf('Hiring', 'Decide:\n- the role\n- the budget\n\nBring numbers.');
    const rendered = micromark(file.content, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(rendered).toContain('<p>Decide:<br />\n- the role<br />\n- the budget</p>\n<p>Bring numbers.</p>');
    expect(markdownlintFaults({ [file.suggestedName]: file.content })).toEqual([]);
  });
});

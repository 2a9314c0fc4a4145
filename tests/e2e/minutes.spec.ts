import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { nodesOf, parseMarkdown } from '../support/markdown';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { openDemoTeam, openLastHeldMeeting } from '../support/demo-team';

const SCREENS = 'test-results/screens';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  const file = path.join(tempDataDir('minutes-download'), d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file };
}

test('Sam previews the demo meeting’s minutes, exports Markdown and HTML, opens the HTML offline and prints it to PDF', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
    // Walked: the list said "55 of 45 min planned" of a held meeting: it says the time taken, as the meeting's page does.
    const heldRow = page.getByRole('list', { name: 'Past meetings' }).getByRole('link').filter({ hasText: 'Read-only' }).first();
    await expect(heldRow).toContainText(/\d+ of 45 min taken, (ended \d+ min early|ended on time|ran \d+ min over)/);
    await expect(heldRow).not.toContainText('min planned');
    await openLastHeldMeeting(page);

    // Walked: a held meeting's agenda head said "55 of 45 min planned · 10 min over" (its plan, with an item not
    // reached) beside "Held 10:02–10:46": it shows the time the meeting took, the plan beside it.
    const budget = page.getByRole('region', { name: 'Agenda' }).locator('.budget-figures');
    await expect(budget).toContainText(/^\d+ of 45 min taken \(agenda planned 55\)(ended \d+ min early|ended on time|ran \d+ min over)$/);
    const held = (await page.locator('.meeting-head .sub').textContent())!
      .match(/(\d+):(\d+)–(\d+):(\d+)/)!
      .slice(1)
      .map(Number);
    const heldMin = held[2]! * 60 + held[3]! - (held[0]! * 60 + held[1]!);
    expect(Math.abs(Number((await budget.locator('strong').textContent())!) - heldMin)).toBeLessThanOrEqual(1);

    const minutes = page.getByRole('region', { name: 'Minutes' });
    const formatted = page.frameLocator('iframe[title="Minutes preview (formatted)"]');
    await expect(formatted.getByRole('heading', { level: 1 })).toContainText('Minutes:');
    await expect(formatted.getByRole('heading', { name: 'Decisions', level: 2 })).toBeVisible();
    await expect(formatted.getByRole('heading', { name: 'Agenda', level: 2 })).toBeVisible();
    // A renegotiation reads as the app says it, with the app's dates (the exported file keeps ISO ones).
    await expect(formatted.locator('main')).toContainText(
      /given a new date before it was due \([A-Z][a-z]{2}[^)]* instead of [A-Z][a-z]{2}/,
    );
    await expect(page.getByRole('list', { name: 'Reviewed in this meeting' })).toContainText(
      /New date agreed before it was due: [A-Z][a-z]{2}[^→]* → [A-Z][a-z]{2}/,
    );
    // Walked: "due Mon, Nov 30, 2026 (first Mon, Nov 23, 2026)" left "first" to be guessed: the date it was first due.
    await expect(page.getByRole('list', { name: 'Reviewed in this meeting' })).toContainText(
      /due [A-Z][a-z]{2}[^(]*\(first due [A-Z][a-z]{2}/,
    );
    await minutes.screenshot({ path: `${SCREENS}/minutes-preview-formatted.png` });
    await minutes.getByRole('group', { name: 'Preview as' }).getByRole('button', { name: 'Markdown' }).click();
    await expect(minutes.getByLabel('Minutes preview (Markdown)')).toContainText('team: Harbor Product Team');
    await minutes.screenshot({ path: `${SCREENS}/minutes-preview-markdown.png` });

    const exportGroup = minutes.getByRole('group', { name: 'Export minutes' });
    const md = await download(page, () => exportGroup.getByRole('button', { name: 'Markdown' }).click());
    expect(md.name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
    await expect(minutes.getByRole('status')).toHaveText(`Downloaded ${md.name}`);
    const exported = fs.readFileSync(md.file, 'utf8');
    expect(exported).toMatch(/given a new date before it was due \(\d{4}-\d\d-\d\d instead of \d{4}-\d\d-\d\d\)/);
    const root = parseMarkdown(exported);
    expect(nodesOf(root, 'html')).toEqual([]);
    expect(nodesOf(root, 'yaml')).toHaveLength(1);

    const html = await download(page, () => exportGroup.getByRole('button', { name: 'HTML' }).click());
    expect(html.name).toBe(md.name.replace(/\.md$/, '.html'));

    // The exported file on its own, with no network: everything it needs is inside it.
    const reader = await context.newPage();
    const requests: string[] = [];
    reader.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await context.setOffline(true);
    await reader.goto(`file://${html.file}`);
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Minutes:');
    await expect(reader.getByRole('table').first()).toBeVisible();
    expect(requests).toEqual([]);
    await reader.screenshot({ path: `${SCREENS}/minutes-exported-html.png`, fullPage: true });

    // The same HTML printed by Chromium, as the desktop app's printToPDF does, turned into page images.
    const pdf = path.join(SCREENS, 'minutes.pdf');
    fs.mkdirSync(SCREENS, { recursive: true });
    await reader.pdf({ path: pdf, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENS, 'minutes-pdf')]);
    const pages = fs.readdirSync(SCREENS).filter((f) => /^minutes-pdf-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text).toContain('Decisions');
    await context.setOffline(false);

    // In the browser mode PDF means the print view of the formatted minutes.
    await exportGroup.getByRole('button', { name: 'PDF' }).click();
    await expect(minutes.getByRole('status')).toContainText('print view');
  } finally {
    await context.close();
    await server.stop();
  }
});

test('typed markup in a meeting stays text in the preview and in the exported HTML, and no script runs', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const hostile = '# x | y *z* <script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
    const team = await api(page, 'teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: hostile,
      date: '2026-11-23',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await api(page, 'meetings.get', { meetingId });
    const withItem = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Table | breaker',
      plannedMin: 10,
    });
    await api(page, 'meetings.start', { meetingId });
    await api(page, 'live.setNotes', {
      meetingId,
      itemId: withItem.items[0]!.id,
      notes: 'line one\n\n<iframe src="https://example.com"></iframe>\n| a | b |',
    });
    await api(page, 'meetings.end', { meetingId });

    await page.goto(`${server.origin}/#/meetings/${meetingId}`);
    const formatted = page.frameLocator('iframe[title="Minutes preview (formatted)"]');
    await expect(formatted.getByRole('heading', { level: 1 })).toContainText('<script>window.pwned=1</script>');
    await expect(formatted.getByText('<iframe src="https://example.com"></iframe>')).toBeVisible();
    await expect(formatted.locator('img, script, iframe')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    const minutes = page.getByRole('region', { name: 'Minutes' });
    const html = await download(page, () =>
      minutes.getByRole('group', { name: 'Export minutes' }).getByRole('button', { name: 'HTML' }).click(),
    );
    // Dated by the day it was held (today, on this server's clock).
    expect(html.name).toMatch(/^\d{4}-\d{2}-\d{2}-x-y-z-script-window-pwned-1-script-img-src-x-onerror-window\.html$/);
    const reader = await context.newPage();
    await reader.goto(`file://${html.file}`);
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror="window.pwned=2">');
    await expect(reader.locator('main img, main script, main iframe')).toHaveCount(0);
    expect(await reader.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await reader.screenshot({ path: `${SCREENS}/minutes-hostile-html.png`, fullPage: true });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('minutes are dated by the day the meeting was held, not the day it was planned (issue 18.13)', async ({ browser }) => {
  // Planned for Monday 30 Nov at 10:00 in Berlin; held the evening before, Sunday 29 Nov at 23:30 Berlin time.
  const dir = tempDataDir('minutes-held');
  const clock = new TestClock(dir, Date.parse('2026-11-29T22:30:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Night shift', timeZone: 'Europe/Berlin', members: ['Ana Ruiz'] });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Handover',
      date: '2026-11-30',
      time: '10:00',
      lengthMin: 30,
    });
    await api(page, 'meetings.start', { meetingId });
    clock.advance(20 * 60_000);
    await api(page, 'meetings.end', { meetingId });

    // The preview shows dates in the app's one style (here day/month/year), as the meeting's page around it does.
    await api(page, 'settings.update', { dateStyle: 'dmy' });
    await page.goto(`${server.origin}/#/meetings/${meetingId}`);
    const minutes = page.getByRole('region', { name: 'Minutes' });
    const formatted = page.frameLocator('iframe[title="Minutes preview (formatted)"]');
    await expect(formatted.getByRole('heading', { level: 1 })).toContainText('Sun 29/11/2026');
    expect(await formatted.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const md = await download(page, () =>
      minutes.getByRole('group', { name: 'Export minutes' }).getByRole('button', { name: 'Markdown' }).click(),
    );
    expect(md.name).toBe('2026-11-29-handover.md');
    // The exported file keeps the locale-independent date.
    const exported = fs.readFileSync(md.file, 'utf8');
    expect(exported).toContain('\ndate: 2026-11-29\n');
    expect(exported).toContain('\n# Minutes: Handover, 2026-11-29\n');
  } finally {
    await context.close();
    await server.stop();
  }
});

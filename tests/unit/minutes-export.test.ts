import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Platform, SaveRequest } from '../../src/main/platform/platform';
import { saveChosenFile } from '../../src/main/platform/save-file';
import { openTestCore, type TestCore } from '../support/core';
import { heldMeeting } from '../support/minutes-fixture';

/**
 * The desktop platform with its dialog answered by the test: the person accepts the suggested name in
 * the folder the dialog opened in (or the first folder, the first time). Writing is the real code.
 */
function desktopWithDialog(firstFolder: string) {
  const requests: SaveRequest[] = [];
  const printed: string[] = [];
  const platform: Platform = {
    kind: 'desktop',
    saveText: async (request) => {
      requests.push(request);
      return saveChosenFile(path.join(request.defaultFolder ?? firstFolder, request.suggestedName), request.content);
    },
    chooseFolder: async () => firstFolder,
    // Chromium's printer is exercised in the e2e test (page.pdf on the same HTML); here, bytes that say what was printed.
    printToPdf: async (html) => {
      printed.push(html);
      return new TextEncoder().encode(`%PDF-1.7 ${html.length}`);
    },
    displays: () => [],
    openExternal: async () => 'opened',
    openProjector: async () => 'opened',
  };
  return { platform, requests, printed };
}

let t: TestCore;
let dir: string;
afterEach(() => {
  vi.restoreAllMocks();
  t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exporting minutes', () => {
  it('saves Markdown, HTML and PDF with names by date and meeting, in the folder used last time', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-export-'));
    const desktop = desktopWithDialog(dir);
    t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'), undefined, desktop.platform);
    const meetingId = await heldMeeting(t);

    const md = await t.call('minutes.export', { meetingId, format: 'md' });
    const mdPath = path.join(dir, '2026-11-23-weekly-b-sync-b.md');
    expect(md).toEqual({ status: 'saved', path: mdPath });
    expect(fs.readFileSync(mdPath, 'utf8')).toBe((await t.call('minutes.markdown', { meetingId })).content);

    const html = await t.call('minutes.export', { meetingId, format: 'html' });
    expect(desktop.requests[1]!.defaultFolder).toBe(dir);
    expect(desktop.requests[1]!.filters).toEqual([{ name: 'Web page', extensions: ['html'] }]);
    expect(fs.readFileSync(html.path!, 'utf8')).toBe((await t.call('minutes.html', { meetingId })).content);

    const pdf = await t.call('minutes.export', { meetingId, format: 'pdf' });
    expect(pdf).toEqual({ status: 'saved', path: path.join(dir, '2026-11-23-weekly-b-sync-b.pdf') });
    expect(desktop.printed).toEqual([(await t.call('minutes.html', { meetingId })).content]);
    expect(fs.readFileSync(pdf.path!, 'latin1')).toMatch(/^%PDF-1\.7 \d+$/);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '2026-11-23-weekly-b-sync-b.html',
      '2026-11-23-weekly-b-sync-b.md',
      '2026-11-23-weekly-b-sync-b.pdf',
    ]);
  });

  it('a disk that fills up mid-write gives a clear message and leaves the earlier export as it was', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-export-'));
    t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'), undefined, desktopWithDialog(dir).platform);
    const meetingId = await heldMeeting(t);
    const target = path.join(dir, '2026-11-23-weekly-b-sync-b.md');
    fs.writeFileSync(target, 'the minutes exported last week');

    // The temp file is opened, then the write fails as a full disk makes it fail.
    const write = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const outcome = await t.call('minutes.export', { meetingId, format: 'md' });
    expect(write).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({
      status: 'failed',
      path: target,
      message: 'The disk is full, so 2026-11-23-weekly-b-sync-b.md was not saved. Any existing file is unchanged.',
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('the minutes exported last week');
    expect(fs.readdirSync(dir)).toEqual(['2026-11-23-weekly-b-sync-b.md']);
  });

  it('in the browser mode the page downloads Markdown and HTML, and prints for a PDF', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-export-'));
    t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
    const meetingId = await heldMeeting(t);
    expect(await t.call('minutes.export', { meetingId, format: 'md' })).toEqual({ status: 'download', path: null });
    expect(await t.call('minutes.export', { meetingId, format: 'html' })).toEqual({ status: 'download', path: null });
    expect(await t.call('minutes.export', { meetingId, format: 'pdf' })).toEqual({ status: 'print', path: null });
    expect((await t.fail('minutes.export', { meetingId, format: 'docx' })).message).toContain('Minutes are exported as md, html or pdf');
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

let t: TestCore;
const temp = tempDirs('file-names');
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => {
  t.close();
  temp.removeAll();
});
const tempDir = temp.make;

/** A team with one proposal per title, recorded in a meeting as the facilitator would. */
async function teamWithDecisions(teamName: string, titles: string[]): Promise<string> {
  const team = await t.call('teams.create', { name: teamName, timeZone: 'UTC', members: ['Ana'] });
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
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
  for (const title of titles)
    await t.call('decisions.propose', {
      meetingId,
      agendaItemId: m.items.find((i) => i.kind === 'proposal')!.id,
      title,
      supersedesId: null,
    });
  return team.id;
}

/** Every file and folder under dir, relative to it. */
const tree = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('file names from hostile titles', () => {
  // A title of 50 Devanagari syllables is 200 characters typed but 600 bytes as a file name; one letter
  // carrying 199 accents is a single character as a reader counts it. File systems take 255 bytes a name.
  const devanagari = 'क्षि'.repeat(50);
  const zalgo = 'a' + '\u0301\u0300'.repeat(99) + '\u0301';

  it('a MADR export of titles long in bytes writes every record, each name within what file systems take', async () => {
    await teamWithDecisions('Ops', [devanagari, zalgo, '../../etc/passwd', 'a/b\\c:d*e?f"g<h>i|j', '..']);
    const folder = tempDir();
    const outcome = await t.call('exports.decisionsMadr', { teamId: null, folder });
    // Five records and two indexes: the export's and the team folder's.
    expect(outcome).toEqual({ status: 'saved', folder, files: 7 });
    const names = tree(folder);
    expect(names.filter((n) => /^ops\/\d{4}-.+\.md$/.test(n))).toHaveLength(5);
    for (const n of names) for (const part of n.split(path.sep)) expect(Buffer.byteLength(part), part).toBeLessThanOrEqual(120);
    // Nothing was written outside the chosen folder.
    expect(names.every((n) => !n.startsWith('..'))).toBe(true);
  });

  it('a team named as a Windows device (CON, nul, COM1, LPT9) gets a folder Windows can open', async () => {
    for (const name of ['CON', 'nul', 'COM1', 'LPT9', 'Aux', 'prn']) await teamWithDecisions(name, ['Ship it']);
    const folder = tempDir();
    expect(await t.call('exports.decisionsMadr', { teamId: null, folder })).toMatchObject({ status: 'saved' });
    const teamFolders = fs.readdirSync(folder).filter((n) => n !== 'README.md');
    expect(teamFolders).toHaveLength(6);
    for (const n of teamFolders) expect(n, n).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i);
  });
});

describe('what else lies in a MADR export folder', () => {
  it('a folder, a link or a named pipe named like a record is left alone, and the export is saved', async () => {
    const demo = await t.call('demo.load', {});
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, '0001-old-name.md'));
    // A record-like file outside the folder, reached through a link named as a record: neither is removed.
    const outside = path.join(tempDir(), 'kept.md');
    fs.writeFileSync(outside, '---\nstatus: accepted\n---\n');
    fs.symlinkSync(outside, path.join(folder, '0002-old-name.md'));
    // A named pipe blocked the export's thread for ever when it was read to see whether Cadence wrote it.
    execFileSync('mkfifo', [path.join(folder, '0003-old-name.md')]);
    const outcome = await t.call('exports.decisionsMadr', { teamId: demo.id, folder });
    expect(outcome).toEqual({ status: 'saved', folder, files: 7 });
    expect(fs.statSync(path.join(folder, '0001-old-name.md')).isDirectory()).toBe(true);
    expect(fs.lstatSync(path.join(folder, '0002-old-name.md')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(folder, '0003-old-name.md')).isFIFO()).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('---\nstatus: accepted\n---\n');
  });
});

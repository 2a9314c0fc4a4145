import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { parseMarkdown, textOf } from '../support/markdown';
import { tempDirs } from '../support/temp-dirs';
import { startedMeeting } from './helpers/minutes-meeting';
import { markdownlintFaults } from './helpers/markdownlint';

let t: TestCore;
const temp = tempDirs('markdown-tabs');
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => {
  t.close();
  temp.removeAll();
});

it('a tab typed in a name (pasted from a spreadsheet) reads back as a tab, and no exported line holds one', async () => {
  const pasted = 'Ana\tLindqvist';
  const { teamId, meetingId, d, member } = await startedMeeting(t, [{ kind: 'proposal', title: 'Release\ttrain' }], {
    members: [pasted, 'Ben'],
  });
  const decision = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: d.items[0]!.id,
    title: 'Two-week\ttrain',
    decision: 'Release every second Thursday.',
    ownerId: member(pasted),
  });
  await t.call('decisions.readBack', { decisionId: decision.id, on: true });
  await t.call('decisions.decide', { decisionId: decision.id, outcome: 'accepted' });
  await t.call('meetings.end', { meetingId });

  const files: Record<string, string> = { minutes: (await t.call('minutes.markdown', { meetingId })).content };
  const folder = temp.make();
  await t.call('exports.decisionsMadr', { teamId, folder });
  for (const name of fs.readdirSync(folder)) files[name] = fs.readFileSync(path.join(folder, name), 'utf8');

  expect(markdownlintFaults(files)).toEqual([]);
  // The minutes' body (front matter aside) and the record name the member and the decision with the tab as typed.
  expect(textOf(parseMarkdown(files.minutes!))).toContain(pasted);
  const record = Object.keys(files).find((name) => name.startsWith('0001-'))!;
  expect(textOf(parseMarkdown(files[record]!))).toContain('Two-week\ttrain');
  expect(textOf(parseMarkdown(files[record]!))).toContain(pasted);
});

import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => t.close());

const MIN = 60_000;
const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
function nodes(root: Root, type: string): { type: string }[] {
  const out: { type: string }[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === type) out.push(n);
    for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(root);
  return out;
}

/** A held meeting with a round, a decision with dissent, commitments made, and an odd title. */
async function heldMeeting() {
  const team = await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben', 'Cleo'] });
  const members = (await t.call('teams.get', { teamId: team.id })).members;
  const id = (n: string) => members.find((m) => m.name === n)!.id;
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly | <b>sync</b>',
    date: '2026-11-23',
    time: '10:00',
    lengthMin: 30,
  });
  let d = await t.call('meetings.get', { meetingId });
  for (const item of [
    { kind: 'check_in' as const, title: 'Check-in', plannedMin: 3, turnTimeboxSec: 60 },
    { kind: 'proposal' as const, title: 'Release cadence', plannedMin: 10 },
    { kind: 'discussion' as const, title: 'Hiring | *pipeline*', plannedMin: 5 },
  ]) {
    d = await t.call('agenda.addItem', { meetingId, expectedRevision: d.meeting.agendaRevision, ...item });
  }
  for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: a.name === 'Cleo' ? 'absent' : 'present' });
  await t.call('meetings.start', { meetingId });
  d = await t.call('meetings.get', { meetingId });
  await t.call('live.setTurnNotes', { meetingId, turnId: d.turns[0]!.id, notes: 'Rested | ready' });
  t.clock.advance(MIN);
  await t.call('live.turn', { meetingId, action: 'next' });
  t.clock.advance(MIN);
  await t.call('live.turn', { meetingId, action: 'pass' });
  await t.call('live.next', { meetingId });
  const proposal = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: d.items[1]!.id,
    title: 'Two-week train',
    decision: 'Release every second Thursday.',
    rationale: 'Halves regression testing.',
    ownerId: id('Ana'),
    reviewDate: '2026-12-07',
  });
  await t.call('decisions.position', { decisionId: proposal.id, memberId: id('Ana'), stance: 'agree' });
  await t.call('decisions.position', { decisionId: proposal.id, memberId: id('Ben'), stance: 'block', reason: 'Hotfixes | cannot wait' });
  const objection = (await t.call('decisions.get', { decisionId: proposal.id })).objections[0]!;
  await t.call('decisions.resolveObjection', {
    objectionId: objection.id,
    resolution: 'integrated',
    newText: 'Release every second Thursday; hotfixes any day.',
  });
  await t.call('decisions.readBack', { decisionId: proposal.id, on: true });
  await t.call('decisions.decide', { decisionId: proposal.id, outcome: 'accepted' });
  await t.call('commitments.create', {
    meetingId,
    agendaItemId: d.items[1]!.id,
    decisionId: proposal.id,
    ownerId: id('Ben'),
    outcome: 'Announce it | <i>today</i>',
    dueDate: '2026-11-27',
  });
  t.clock.advance(8 * MIN);
  await t.call('live.setNotes', { meetingId, itemId: d.items[1]!.id, notes: 'Long debate.\n\nAgreed in the end.' });
  await t.call('meetings.end', { meetingId });
  return meetingId;
}

describe('minutes in Markdown', () => {
  it('match the reviewed golden file for a fixture meeting', async () => {
    const meetingId = await heldMeeting();
    const file = await t.call('minutes.markdown', { meetingId });
    expect(file.suggestedName).toBe('2026-11-23-weekly-b-sync-b-minutes.md');
    await expect(file.content).toMatchFileSnapshot('./golden/minutes-weekly.md');
  });

  it('parse back with a real GFM parser: no raw HTML, tables keep their shape, typed text survives', async () => {
    const meetingId = await heldMeeting();
    const root = parse((await t.call('minutes.markdown', { meetingId })).content);
    expect(nodes(root, 'html')).toEqual([]);
    const tables = nodes(root, 'table') as Table[];
    expect(tables.map((tb) => [tb.children.length, tb.children[0]!.children.length])).toEqual([
      [4, 6], // agenda: header + 3 items, 6 columns
      [3, 3], // positions: header + 2, 3 columns
      [2, 3], // commitments made
    ]);
    const textOf = (n: unknown): string =>
      (n as { value?: string }).value ?? ((n as { children?: unknown[] }).children ?? []).map(textOf).join('');
    expect(textOf(root)).toContain('Minutes: Weekly | <b>sync</b>, 2026-11-23');
    expect(textOf(tables[0]!.children[3])).toContain('Hiring | *pipeline*');
    expect(textOf(tables[2]!.children[1])).toContain('Announce it | <i>today</i>');
  });
});

import { expect } from 'vitest';
import type { TestCore } from '../../support/core';
import { parseMarkdown, textOf } from '../../support/markdown';

/** A meeting of Ana and Ben (or the team given) with one item of each kind given, started, everyone present. */
export async function startedMeeting(
  t: TestCore,
  kinds: { kind: 'proposal' | 'check_in' | 'round_robin' | 'check_out' | 'discussion'; title: string; plan?: string }[],
  { name = 'Platform', members = ['Ana', 'Ben'] }: { name?: string; members?: string[] } = {},
) {
  const team = await t.call('teams.create', { name, timeZone: 'Europe/Berlin', members });
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
    date: '2026-11-23',
    time: '10:00',
    lengthMin: 60,
  });
  let d = await t.call('meetings.get', { meetingId });
  for (const item of kinds) {
    d = await t.call('agenda.addItem', { meetingId, expectedRevision: d.meeting.agendaRevision, plannedMin: 10, plan: '', ...item });
  }
  for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
  await t.call('meetings.start', { meetingId });
  d = await t.call('meetings.get', { meetingId });
  const member = (name: string) => d.members.find((m) => m.name === name)!.id;
  return { teamId: team.id, meetingId, d, member };
}

/** The HTML's text from a heading to the next heading of its level or above, tags dropped. */
export function htmlSection(html: string, heading: string): string {
  const start = html.indexOf(`>${heading}</h`);
  expect(start, heading).toBeGreaterThan(0);
  const next = html.slice(start + heading.length).search(/<h[1-3]>/);
  return html.slice(start, next < 0 ? undefined : start + heading.length + next).replace(/<[^>]+>/g, '\n');
}

/** The Markdown's paragraphs and list lines from a heading to the next heading. */
export function markdownSection(md: string, heading: string): string {
  const root = parseMarkdown(md);
  const at = root.children.findIndex((n) => n.type === 'heading' && textOf(n) === heading);
  expect(at, heading).toBeGreaterThan(0);
  const end = root.children.findIndex((n, i) => i > at && n.type === 'heading');
  return root.children
    .slice(at + 1, end < 0 ? undefined : end)
    .map((n) => (n.type === 'list' ? n.children.map(textOf).join('\n') : textOf(n)))
    .join('\n');
}

/** The Markdown minutes of every meeting the demo team held (its called-off week has none). */
export async function heldDemoMinutes(t: TestCore, teamId: string) {
  const { past } = await t.call('meetings.list', { teamId });
  return Promise.all(past.filter((m) => m.calledOff === null).map((m) => t.call('minutes.markdown', { meetingId: m.id })));
}

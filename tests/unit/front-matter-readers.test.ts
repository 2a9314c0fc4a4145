import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { minutesMarkdown } from '../../src/main/services/minutes/minutes-markdown';
import { openTestCore, type TestCore } from '../support/core';
import { heldMeeting } from '../support/minutes-fixture';
import { startedMeeting } from './helpers/minutes-meeting';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

/** The front matter as the two YAML versions read it: 1.2 (this app's serialiser) and 1.1 (PyYAML, Ruby's Psych). */
function frontMatter(content: string): { v12: Record<string, unknown>; v11: Record<string, unknown>; text: string } {
  const text = /^---\n([\s\S]*?)\n---\n/.exec(content)![1]!;
  return {
    text,
    v12: parseYaml(text) as Record<string, unknown>,
    v11: parseYaml(text, { version: '1.1' }) as Record<string, unknown>,
  };
}

/** Texts YAML 1.2 writes plain and YAML 1.1 reads as a boolean or a number. */
const MISREAD = ['No', 'on', 'Y', '1_000', '12:30'];

describe('front matter a YAML 1.1 reader reads as written', () => {
  it('MADR: names a 1.1 reader takes for a boolean or a number are quoted; the date stays a plain date', async () => {
    const { teamId, meetingId, d, member } = await startedMeeting(t, [{ kind: 'proposal', title: 'P' }], {
      name: 'Ops',
      members: ['Yes', ...MISREAD],
    });
    const owner = member('Yes');
    const p = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title: 'Ship',
      decision: 'Ship it',
      ownerId: owner,
      supersedesId: null,
    });
    await t.call('decisions.readBack', { decisionId: p.id, on: true });
    await t.call('decisions.decide', { decisionId: p.id, outcome: 'accepted' });
    const record = (await t.core.services.exports.madrFiles(teamId)).find((f) => f.suggestedName.startsWith('0001-'))!;
    const { v11, v12, text } = frontMatter(record.content);
    for (const read of [v11, v12]) {
      expect(read['decision-makers']).toEqual(['Yes']);
      expect([...(read.informed as string[])].sort()).toEqual([...MISREAD].sort());
      expect(read.status).toBe('accepted');
    }
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
  });

  it('minutes: a title, a team and names a 1.1 reader takes for something else are quoted; the date stays plain', async () => {
    const base = t.core.services.minutes.source(await heldMeeting(t));
    const detail = structuredClone(base.detail);
    detail.meeting.title = '12:30';
    detail.meeting.teamName = 'On';
    detail.meeting.facilitatorName = 'Yes';
    detail.attendees.forEach((a, i) => (a.name = ['No', 'y', 'null'][i % 3]!));
    const { v11, v12, text } = frontMatter(minutesMarkdown({ ...base, detail }).content);
    for (const read of [v11, v12]) {
      expect(read).toMatchObject({ meeting: '12:30', team: 'On', facilitator: 'Yes' });
      for (const name of [...(read.present as string[]), ...(read.absent as string[])]) expect(typeof name, name).toBe('string');
      expect((read.present as string[])[0]).toMatch(/^(No|y|null)( \(guest\))?$/);
    }
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
  });
});

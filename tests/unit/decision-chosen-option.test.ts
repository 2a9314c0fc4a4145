import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { decisionFixture } from '../support/decision-fixture';
import { migrations } from '../../src/main/db/migrations';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

const { room, propose, accept } = decisionFixture(() => t);
const options = [
  { title: 'Keep weekly Thursdays', pros: 'Rhythm', cons: 'Testing cost' },
  { title: 'Two-week train', pros: 'Half the testing', cons: 'Fixes wait' },
];

describe('the chosen option of a decision', () => {
  it('must be one of the proposal’s options, said in plain words', async () => {
    const r = await room();
    const wrong = await t.fail('decisions.propose', {
      meetingId: r.meetingId,
      agendaItemId: r.itemId,
      title: 'Release cadence',
      options,
      chosenOption: 'Monthly',
    });
    expect(wrong.code).toBe('invalid_input');
    expect(wrong.message).toBe('“Monthly” is not one of this proposal’s options; choose one of “Keep weekly Thursdays”, “Two-week train”');
    const d = await propose(r, 'Release cadence', { options: [] });
    const none = await t.fail('decisions.update', { decisionId: d.id, chosenOption: 'Monthly' });
    expect(none.message).toBe('“Monthly” is not an option: this proposal has no options to choose from');
    expect((await t.call('decisions.get', { decisionId: d.id })).chosenOption).toBeNull();
  });

  it('is required to accept when two or more options were weighed, and recorded with the decision', async () => {
    const r = await room();
    const d = await propose(r, 'Release cadence', { options });
    await t.call('decisions.readBack', { decisionId: d.id, on: true });
    const blocked = await t.fail('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    expect(blocked.message).toBe('Not accepted yet: choose which of the options was chosen.');
    await t.call('decisions.update', { decisionId: d.id, chosenOption: 'Two-week train' });
    const accepted = await t.call('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    expect(accepted).toMatchObject({ status: 'accepted', chosenOption: 'Two-week train' });
  });

  it('is not assumed when only one option was weighed (it may be the one turned down), nor when none were', async () => {
    const r = await room();
    expect((await accept((await propose(r, 'One option')).id)).chosenOption).toBeNull();
    expect((await accept((await propose(r, 'No options', { options: [] })).id)).chosenOption).toBeNull();
  });

  it('follows its option when the option is renamed, and is cleared when the option is removed', async () => {
    const r = await room();
    const d = await propose(r, 'Release cadence', { options, chosenOption: 'Two-week train' });
    const renamed = await t.call('decisions.update', {
      decisionId: d.id,
      options: [options[0]!, { ...options[1]!, title: 'Fortnightly train' }],
    });
    expect(renamed.chosenOption).toBe('Fortnightly train');
    const reordered = await t.call('decisions.update', { decisionId: d.id, options: [...renamed.options].reverse() });
    expect(reordered.chosenOption).toBe('Fortnightly train');
    const removed = await t.call('decisions.update', { decisionId: d.id, options: [options[0]!] });
    expect(removed.chosenOption).toBeNull();
  });

  it('changes after the meeting only by amendment, kept in its history', async () => {
    const r = await room();
    const d = await propose(r, 'Release cadence', { options, chosenOption: 'Two-week train' });
    await accept(d.id);
    await t.call('meetings.end', { meetingId: r.meetingId });
    const amended = await t.call('decisions.amend', {
      decisionId: d.id,
      reason: 'The room chose the weekly rhythm; typed wrong',
      chosenOption: 'Keep weekly Thursdays',
    });
    expect(amended.chosenOption).toBe('Keep weekly Thursdays');
    expect(amended.amendments.at(-1)!.changes).toEqual([{ field: 'Chosen option', from: 'Two-week train', to: 'Keep weekly Thursdays' }]);
  });
});

describe('the chosen option in the team archive', () => {
  const chosen = (core: TestCore) =>
    Object.fromEntries(
      (
        core.core.opened.db.prepare('select title, chosen_option from decisions').all() as { title: string; chosen_option: string | null }[]
      ).map((d) => [d.title, d.chosen_option]),
    );

  it('travels with its decision, and an archive from before it imports with none', async () => {
    const demo = await t.call('demo.load', {});
    const { content } = await t.call('archive.export', { teamId: demo.id });
    expect(JSON.parse(content)).toMatchObject({ schemaVersion: migrations.at(-1)!.version });
    const here = chosen(t);
    expect(here['Move to a two-week release train']).toBe('Two-week train');

    const b = await openTestCore(Date.parse('2026-11-25T09:00:00Z'));
    try {
      await b.call('archive.import', { content });
      expect(chosen(b)).toEqual(here);
    } finally {
      b.close();
    }

    const older = JSON.parse(content) as { schemaVersion: number; tables: { decisions: Record<string, unknown>[] } };
    older.schemaVersion = 11;
    for (const d of older.tables.decisions) delete d.chosen_option;
    const c = await openTestCore(Date.parse('2026-11-25T09:00:00Z'));
    try {
      await c.call('archive.import', { content: JSON.stringify(older) });
      const imported = chosen(c);
      expect(Object.keys(imported).sort()).toEqual(Object.keys(here).sort());
      expect(Object.values(imported).every((v) => v === null)).toBe(true);
    } finally {
      c.close();
    }
  });
});

describe('the chosen option in the MADR export', () => {
  const record = async (teamId: string, name: string) =>
    (await t.core.services.exports.madrFiles(teamId)).find((f) => f.suggestedName === name)!.content;

  it('opens the outcome with the option recorded, and says plainly when a record with options names none', async () => {
    const demo = await t.call('demo.load', {});
    const name = '0004-move-to-a-two-week-release-train.md';
    expect(await record(demo.id, name)).toContain(
      '## Decision Outcome\n\nChosen option: "Two-week train", because halving regression days',
    );
    // A decision recorded before Cadence kept the choice, whose options the migration could not tell apart.
    t.core.opened.db.prepare("update decisions set chosen_option = null where title = 'Move to a two-week release train'").run();
    const unsaid = await record(demo.id, name);
    expect(unsaid).toContain(
      '## Decision Outcome\n\nThis record does not say which of the considered options was chosen.\n\nRationale: Halving regression days',
    );
    expect(unsaid).not.toContain('Chosen option');
    // No option's pros and cons are taken for the decision's consequences: only the risks acknowledged.
    expect(unsaid).toContain('### Consequences\n\n- Bad, because bigger releases may carry more risk per release');
  });
});

describe('the chosen option in the minutes', () => {
  it('stands beside the options considered, in Markdown and in HTML', async () => {
    await t.call('demo.load', {});
    const { meeting_id: meetingId } = t.core.opened.db
      .prepare("select meeting_id from decisions where title = 'Move to a two-week release train'")
      .get() as { meeting_id: string };
    const md = (await t.call('minutes.markdown', { meetingId })).content;
    expect(md).toContain(
      '- Options considered: Keep weekly Thursdays; Two-week train; Continuous delivery\n- Chosen option: Two-week train\n',
    );
    const html = (await t.call('minutes.html', { meetingId })).content;
    expect(html).toMatch(
      /<li>Options considered: Keep weekly Thursdays; Two-week train; Continuous delivery<\/li>\s*<li>Chosen option: Two-week train<\/li>/,
    );
    // The deferred proposal in the same minutes chose nothing, and says nothing of a choice.
    expect(md.match(/Chosen option/g)).toHaveLength(1);
    // A decided record from before Cadence kept the choice says it was not recorded.
    t.core.opened.db.prepare("update decisions set chosen_option = null where title = 'Move to a two-week release train'").run();
    expect((await t.call('minutes.markdown', { meetingId })).content).toContain('- Chosen option: not recorded\n');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { decisionFixture } from '../support/decision-fixture';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

const { room, propose } = decisionFixture(() => t);

/** The go-round's writes read what their rules need in one statement each; these are the rules that read covers. */
describe('go-round writes', () => {
  it('refuse someone of another team, and someone who has left, in plain words', async () => {
    const r = await room();
    const d = await propose(r);
    const other = await t.call('teams.create', { name: 'Sales', timeZone: 'UTC', members: ['Eve'] });
    const eve = (await t.call('teams.get', { teamId: other.id })).members[0]!.id;
    const stranger = await t.fail('decisions.position', { decisionId: d.id, memberId: eve, stance: 'agree' });
    expect([stranger.code, stranger.message]).toEqual(['not_found', 'That person is not a member of this team']);
    await t.call('members.markLeft', { memberId: r.member.Cleo });
    const left = await t.fail('decisions.position', { decisionId: d.id, memberId: r.member.Cleo, stance: 'agree' });
    expect([left.code, left.message]).toEqual(['conflict', 'Cleo has left the team']);
    const missing = await t.fail('decisions.position', {
      decisionId: '01900000-0000-7000-8000-000000000000',
      memberId: r.member.Ana,
      stance: 'agree',
    });
    expect(missing.message).toBe('That decision does not exist');
    const none = await t.fail('decisions.resolveObjection', {
      objectionId: '01900000-0000-7000-8000-000000000000',
      resolution: 'withdrawn',
    });
    expect(none.message).toBe('That objection does not exist');
    expect((await t.call('decisions.get', { decisionId: d.id })).positionHistory).toEqual([]);
  });

  it('take a position on a proposal carried into the next live meeting with that meeting’s attendance', async () => {
    const first = await room('Week 1', '2026-11-24');
    const d = await propose(first);
    await t.call('decisions.decide', { decisionId: d.id, outcome: 'deferred' });
    await t.call('meetings.end', { meetingId: first.meetingId });
    t.clock.advance(7 * 24 * 60 * 60 * 1000);
    // Dan was absent last week; this week everyone is present.
    const { meetingId } = await t.call('meetings.create', {
      teamId: first.teamId,
      title: 'Week 2',
      date: '2026-12-01',
      time: '10:00',
      lengthMin: 30,
    });
    const next = await t.call('meetings.get', { meetingId });
    for (const a of next.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    const taken = await t.call('decisions.position', { decisionId: d.id, memberId: first.member.Dan, stance: 'consent' });
    expect(taken.meetingId).toBe(meetingId);
    const after = await t.call('decisions.get', { decisionId: d.id });
    expect(after.positions.map((p) => [p.memberName, p.stance])).toEqual([['Dan', 'consent']]);
    expect(after.amendments[0]!.reason).toBe('Taken up again in “Week 2”');
  });

  it('keep the search row exact: a resolution without a note leaves the objection findable, a note becomes findable', async () => {
    const r = await room();
    const d = await propose(r);
    const search = async (query: string) => (await t.call('decisions.search', { query })).total;
    const ben = await t.call('decisions.position', {
      decisionId: d.id,
      memberId: r.member.Ben,
      stance: 'block',
      reason: 'Zeppelin hangar',
    });
    const cleo = await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Cleo, stance: 'disagree', reason: 'Quokka' });
    expect(await search('zeppelin')).toBe(1);
    await t.call('decisions.resolveObjection', { objectionId: ben.objectionId!, resolution: 'withdrawn' });
    expect(await search('zeppelin')).toBe(1);
    await t.call('decisions.resolveObjection', {
      objectionId: cleo.objectionId!,
      resolution: 'withdrawn',
      note: 'Persuaded by the numbat',
    });
    expect(await search('numbat')).toBe(1);
    const objections = (await t.call('decisions.get', { decisionId: d.id })).objections;
    expect(objections.map((o) => [o.memberName, o.resolution, o.resolutionNote, o.resolvedByName])).toEqual([
      ['Ben', 'withdrawn', null, 'Ben'],
      ['Cleo', 'withdrawn', 'Persuaded by the numbat', 'Cleo'],
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Team } from '../../src/shared/domain';
import { openTestCore, type TestCore } from '../support/core';

let a: TestCore;
let demo: Team;
beforeEach(async () => {
  a = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
  demo = await a.call('demo.load', {});
});
afterEach(() => a.close());

describe('this is me', () => {
  it('chooses a member per team, refuses a member of another team or a bad id, and keeps someone who left', async () => {
    const other = await a.call('teams.create', { name: 'Other', timeZone: 'UTC', members: ['Ann'] });
    const members = (await a.call('teams.get', { teamId: demo.id })).members;
    const ann = (await a.call('teams.get', { teamId: other.id })).members[0]!;
    expect((await a.call('me.list', {})).every((c) => c.memberId === null)).toBe(true);
    // Each team's members come with the answer, so home can ask who you are without reading each team.
    expect((await a.call('me.list', {})).find((c) => c.teamId === other.id)?.members).toEqual([{ id: ann.id, name: 'Ann', leftAt: null }]);
    expect((await a.fail('me.set', { teamId: demo.id, memberId: ann.id })).message).toBe('That person is not a member of this team');
    expect((await a.fail('me.set', { teamId: demo.id, memberId: 'not-an-id' })).message).toMatch(/Must be an id/);
    expect((await a.fail('me.set', { teamId: '01900000-0000-7000-8000-000000000000', memberId: ann.id })).message).toBe(
      'That team does not exist',
    );
    const maya = members.find((m) => m.name === 'Maya Okafor')!;
    const list = await a.call('me.set', { teamId: demo.id, memberId: maya.id });
    expect(list.find((c) => c.teamId === demo.id)).toMatchObject({ memberId: maya.id, memberName: 'Maya Okafor', memberLeft: false });
    expect(list.find((c) => c.teamId === other.id)?.memberId).toBeNull();
    await a.call('members.markLeft', { memberId: maya.id });
    const afterLeaving = (await a.call('me.list', {})).find((c) => c.teamId === demo.id)!;
    expect(afterLeaving).toMatchObject({ memberId: maya.id, memberLeft: true });
    expect(afterLeaving.members.find((m) => m.id === maya.id)?.leftAt).not.toBeNull();
    expect((await a.call('me.set', { teamId: demo.id, memberId: null })).find((c) => c.teamId === demo.id)?.memberId).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

describe('teams and members', () => {
  it('records every change as an event and never deletes a member', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    const [ana, ben] = (await t.call('teams.get', { teamId: team.id })).members;
    expect([ana!.position, ben!.position]).toEqual([0, 1]);

    t.clock.advance(60_000);
    await t.call('members.update', { memberId: ben!.id, name: 'Benjamin', roleTitle: 'SRE' });
    t.clock.advance(60_000);
    const left = await t.call('members.markLeft', { memberId: ana!.id });
    expect(left.leftAt).toBe(t.clock.now());
    expect((await t.fail('members.markLeft', { memberId: ana!.id })).message).toBe('Ana has already left the team');

    const detail = await t.call('teams.get', { teamId: team.id });
    expect(detail.members.map((m) => [m.name, m.leftAt !== null])).toEqual([
      ['Ana', true],
      ['Benjamin', false],
    ]);
    expect(detail.team.activeMemberCount).toBe(1);
    expect(detail.history.map((e) => [e.kind, e.oldValue, e.newValue])).toEqual([
      ['left', null, null],
      ['role_changed', null, 'SRE'],
      ['renamed', 'Ben', 'Benjamin'],
      ['joined', null, 'Ben'],
      ['joined', null, 'Ana'],
    ]);
  });

  it('keeps active names unique per team, frees a former member’s name, and guards rejoining', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const ana = (await t.call('teams.get', { teamId: team.id })).members[0]!;
    expect((await t.fail('members.add', { teamId: team.id, name: 'ANA' })).message).toBe('Ana is already a member of this team');
    await t.call('members.markLeft', { memberId: ana.id });
    const newAna = await t.call('members.add', { teamId: team.id, name: 'Ana' });
    expect(newAna.id).not.toBe(ana.id);
    expect((await t.fail('members.rejoin', { memberId: ana.id })).message).toBe('Ana is already a member of this team');
    await t.call('members.markLeft', { memberId: newAna.id });
    expect((await t.call('members.rejoin', { memberId: ana.id })).leftAt).toBeNull();
  });

  it('treats one name typed two ways (composed or combining accent) as the same name', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Zo\u00eb'] });
    expect((await t.fail('members.add', { teamId: team.id, name: 'Zoe\u0308' })).message).toBe('Zoë is already a member of this team');
  });

  it('keeps emoji and right-to-left names exactly', async () => {
    const team = await t.call('teams.create', { name: 'Équipe 🚀', timeZone: 'Asia/Tokyo', members: ['Zoë 🚀', 'مريم'] });
    const detail = await t.call('teams.get', { teamId: team.id });
    expect(detail.team.name).toBe('Équipe 🚀');
    expect(detail.members.map((m) => m.name)).toEqual(['Zoë 🚀', 'مريم']);
  });

  it('keeps everything across a restart on the same data folder', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const dir = t.dataDir;
    t.core.close();
    const again = await openTestCore(Date.parse('2026-11-25T09:00:00Z'), dir);
    try {
      const detail = await again.call('teams.get', { teamId: team.id });
      expect(detail.members.map((m) => m.name)).toEqual(['Ana']);
    } finally {
      again.close();
    }
  });

  it('loads the demo team once, with its former member', async () => {
    const demo = await t.call('demo.load', {});
    const detail = await t.call('teams.get', { teamId: demo.id });
    expect(detail.team.name).toBe('Harbor Product Team');
    expect(detail.members.filter((m) => m.leftAt === null)).toHaveLength(6);
    expect(detail.members.filter((m) => m.leftAt !== null).map((m) => m.name)).toEqual(['Tom Becker']);
    expect((await t.call('demo.load', {})).id).toBe(demo.id);
    expect(await t.call('teams.list', {})).toHaveLength(1);
  });
});

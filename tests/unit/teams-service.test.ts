import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CadenceCore } from '../../src/main/app/cadence-core';
import type { Clock } from '../../src/main/app/clock';
import type { Member, Team, TeamDetail } from '../../src/shared/domain';

const START = Date.parse('2026-11-24T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let dir: string;
let now: number;
let core: CadenceCore;
const clock: Clock = { now: () => now };
const open = () => startCore({ dataDir: dir, mode: 'browser', version: 'test', clock });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-teams-'));
  now = START;
  core = await open();
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
async function refusal(name: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await core.dispatcher.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}
const detailOf = (teamId: string) => call<TeamDetail>('teams.get', { teamId });
const memberNamed = async (teamId: string, name: string) => (await detailOf(teamId)).members.find((m) => m.name === name)!;
const memberRows = () => (core.opened.db.prepare('select count(*) n from members').get() as { n: number }).n;

describe('creating a team', () => {
  it('gives members positions 0..n-1 and one joined event each, at the clock time', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben', 'Cara'] });
    const detail = await detailOf(team.id);
    expect(detail.members.map((m) => [m.name, m.position, m.joinedAt, m.leftAt, m.roleTitle])).toEqual([
      ['Ana', 0, START, null, null],
      ['Ben', 1, START, null, null],
      ['Cara', 2, START, null, null],
    ]);
    expect(detail.history).toHaveLength(3);
    expect(detail.history.every((e) => e.kind === 'joined' && e.at === START && e.oldValue === null)).toBe(true);
    expect(detail.history.map((e) => e.newValue).sort()).toEqual(['Ana', 'Ben', 'Cara']);
    expect(new Set(detail.history.map((e) => e.memberId))).toEqual(new Set(detail.members.map((m) => m.id)));
  });

  it('adds a later member at the next position, with a role', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    now += MINUTE;
    const cara = await call<Member>('members.add', { teamId: team.id, name: 'Cara', roleTitle: 'Designer' });
    expect(cara).toMatchObject({ teamId: team.id, name: 'Cara', roleTitle: 'Designer', position: 2, joinedAt: START + MINUTE, leftAt: null });
    expect((await detailOf(team.id)).team.activeMemberCount).toBe(3);
  });

  it('answers not_found for a member that does not exist', async () => {
    expect(await refusal('members.markLeft', { memberId: '018f0000-0000-7000-8000-000000000000' })).toEqual({
      code: 'not_found',
      message: 'That member does not exist',
    });
  });
});

describe('changing a member', () => {
  it('records renamed and role_changed with old and new values', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ben'] });
    const ben = await memberNamed(team.id, 'Ben');
    now += MINUTE;
    const updated = await call<Member>('members.update', { memberId: ben.id, name: 'Benjamin', roleTitle: 'SRE' });
    expect(updated).toMatchObject({ id: ben.id, name: 'Benjamin', roleTitle: 'SRE', position: 0 });
    now += MINUTE;
    await call('members.update', { memberId: ben.id, name: 'Benjamin', roleTitle: '' });
    const history = (await detailOf(team.id)).history.map((e) => [e.kind, e.at - START, e.oldValue, e.newValue]);
    expect(history).toEqual([
      ['role_changed', 2 * MINUTE, 'SRE', null],
      ['role_changed', MINUTE, null, 'SRE'],
      ['renamed', MINUTE, 'Ben', 'Benjamin'],
      ['joined', 0, null, 'Ben'],
    ]);
  });

  it('records nothing when nothing changed', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ben'] });
    const ben = await memberNamed(team.id, 'Ben');
    await call('members.update', { memberId: ben.id, name: ' Ben ', roleTitle: null });
    expect((await detailOf(team.id)).history.map((e) => e.kind)).toEqual(['joined']);
  });
});

describe('leaving and rejoining', () => {
  it('markLeft sets leftAt, records left, and keeps the member row', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    const ana = await memberNamed(team.id, 'Ana');
    now += DAY;
    const left = await call<Member>('members.markLeft', { memberId: ana.id });
    expect(left).toMatchObject({ id: ana.id, name: 'Ana', leftAt: START + DAY, joinedAt: START });
    expect(memberRows()).toBe(2);
    const detail = await detailOf(team.id);
    expect(detail.members.map((m) => [m.name, m.leftAt])).toEqual([
      ['Ana', START + DAY],
      ['Ben', null],
    ]);
    expect(detail.team.activeMemberCount).toBe(1);
    expect(detail.history[0]).toMatchObject({ kind: 'left', memberId: ana.id, at: START + DAY, oldValue: null, newValue: null });
  });

  it('markLeft twice is a conflict and records nothing more', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const ana = await memberNamed(team.id, 'Ana');
    await call('members.markLeft', { memberId: ana.id });
    expect(await refusal('members.markLeft', { memberId: ana.id })).toEqual({ code: 'conflict', message: 'Ana has already left the team' });
    expect((await detailOf(team.id)).history.map((e) => e.kind)).toEqual(['left', 'joined']);
  });

  it('rejoin clears leftAt and records rejoined; rejoining an active member is a conflict', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const ana = await memberNamed(team.id, 'Ana');
    expect(await refusal('members.rejoin', { memberId: ana.id })).toEqual({ code: 'conflict', message: 'Ana is already an active member' });
    now += DAY;
    await call('members.markLeft', { memberId: ana.id });
    now += DAY;
    const back = await call<Member>('members.rejoin', { memberId: ana.id });
    expect(back).toMatchObject({ id: ana.id, leftAt: null, joinedAt: START, position: 0 });
    expect((await detailOf(team.id)).history.map((e) => [e.kind, e.at - START])).toEqual([
      ['rejoined', 2 * DAY],
      ['left', DAY],
      ['joined', 0],
    ]);
    expect(memberRows()).toBe(1);
  });
});

describe('names within a team', () => {
  it('an active member with the same name in any case is a conflict', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    expect(await refusal('members.add', { teamId: team.id, name: 'ANA' })).toEqual({
      code: 'conflict',
      message: 'Ana is already a member of this team',
    });
    expect(memberRows()).toBe(1);
  });

  it('the same name in another team is fine', async () => {
    await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const other = await call<Team>('teams.create', { name: 'Sales', timeZone: 'UTC', members: [] });
    expect(await call<Member>('members.add', { teamId: other.id, name: 'Ana' })).toMatchObject({ name: 'Ana', position: 0 });
  });

  it('a former member’s name is free for a new member, and then the former one cannot rejoin under it', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const oldAna = await memberNamed(team.id, 'Ana');
    await call('members.markLeft', { memberId: oldAna.id });
    const newAna = await call<Member>('members.add', { teamId: team.id, name: 'ana' });
    expect(newAna.id).not.toBe(oldAna.id);
    expect(newAna.position).toBe(1);
    expect(await refusal('members.rejoin', { memberId: oldAna.id })).toEqual({
      code: 'conflict',
      message: 'ana is already a member of this team',
    });
    expect((await detailOf(team.id)).members.find((m) => m.id === oldAna.id)!.leftAt).not.toBeNull();
  });

  it('renaming onto an active member’s name is a conflict; changing only one’s own case is not', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    const ben = await memberNamed(team.id, 'Ben');
    expect(await refusal('members.update', { memberId: ben.id, name: 'ana', roleTitle: null })).toEqual({
      code: 'conflict',
      message: 'Ana is already a member of this team',
    });
    expect(await call<Member>('members.update', { memberId: ben.id, name: 'BEN', roleTitle: null })).toMatchObject({ name: 'BEN' });
  });
});

describe('names in any script', () => {
  it('emoji, diacritics and right-to-left names round-trip exactly', async () => {
    const names = ['Zoë 🚀', 'مريم', 'José', 'Zoe\u0308 (combining)', '👩🏽‍💻 Priya', 'Łukasz Żółć'];
    const team = await call<Team>('teams.create', { name: 'Équipe 🚀', timeZone: 'Asia/Tokyo', members: names });
    const detail = await detailOf(team.id);
    expect(detail.team.name).toBe('Équipe 🚀');
    expect(detail.members.map((m) => m.name)).toEqual(names);
    // Stored as given, not normalised: the combining diaeresis is still two code points.
    expect(detail.members[3]!.name).toHaveLength('Zoe\u0308 (combining)'.length);
    expect(core.opened.db.prepare('select name from members where id = ?').get(detail.members[1]!.id)).toEqual({ name: 'مريم' });
  });
});

describe('persistence', () => {
  it('everything survives close and a fresh startCore on the same data folder', async () => {
    const team = await call<Team>('teams.create', { name: 'Ops', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben'] });
    const ben = await memberNamed(team.id, 'Ben');
    now += DAY;
    await call('members.markLeft', { memberId: ben.id });
    const before = await detailOf(team.id);
    core.close();

    now += DAY;
    core = await open();
    const after = await detailOf(team.id);
    expect(after).toStrictEqual(before);
    expect(after.members.map((m) => [m.name, m.leftAt])).toEqual([
      ['Ana', null],
      ['Ben', START + DAY],
    ]);
  });
});

describe('the demo team', () => {
  it('is the Harbor Product Team with 6 active members and Tom Becker as former member', async () => {
    const demo = await call<Team>('demo.load', {});
    expect(demo).toMatchObject({ name: 'Harbor Product Team', timeZone: 'Europe/Berlin', activeMemberCount: 6 });
    const detail = await detailOf(demo.id);
    expect(detail.members.filter((m) => m.leftAt === null).map((m) => m.name)).toEqual([
      'Maya Okafor',
      'Sam Lindqvist',
      'Priya Raman',
      'Diego Alvarez',
      'Lena Fischer',
      'Kofi Mensah',
    ]);
    const former = detail.members.filter((m) => m.leftAt !== null);
    expect(former.map((m) => [m.name, m.roleTitle, m.leftAt])).toEqual([['Tom Becker', 'Data analyst', START - 60 * DAY]]);
    expect(detail.history.filter((e) => e.kind === 'left').map((e) => e.memberId)).toEqual([former[0]!.id]);
  });

  it('loading twice returns the same team and creates no duplicate', async () => {
    const first = await call<Team>('demo.load', {});
    const rows = memberRows();
    now += DAY;
    const second = await call<Team>('demo.load', {});
    expect(second.id).toBe(first.id);
    expect(await call<Team[]>('teams.list', {})).toHaveLength(1);
    expect(memberRows()).toBe(rows);
    expect(rows).toBe(7);
  });
});

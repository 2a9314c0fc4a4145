import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CadenceCore } from '../../src/main/app/cadence-core';
import type { Clock } from '../../src/main/app/clock';
import { contract, operationNames } from '../../src/shared/contract';
import type { Team, TeamDetail } from '../../src/shared/domain';
import type { ChangeEvent } from '../../src/shared/events';
import type { MeetingLists } from '../../src/shared/planning';

const START = Date.parse('2026-11-24T09:00:00.000Z');

let dir: string;
let now: number;
let core: CadenceCore;
const clock: Clock = { now: () => now };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-contract-'));
  now = START;
  core = await startCore({ dataDir: dir, mode: 'browser', version: 'test', clock });
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (table: 'teams' | 'members' | 'member_events') =>
  (core.opened.db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Plain JSON: what goes in comes out identical, with no undefined, Date or Map along the way. */
function expectPlainJson(value: unknown, label: string): void {
  expect(JSON.parse(JSON.stringify(value)), label).toStrictEqual(value);
}

describe('every operation in the contract', () => {
  it('has a handler: called with {}, none answers unknown_operation', async () => {
    expect(operationNames.length).toBeGreaterThan(50);
    const unknown: string[] = [];
    for (const name of operationNames) {
      const result = await core.dispatcher.dispatch(name, {});
      expect(typeof result.ok, name).toBe('boolean');
      if (!result.ok && result.error.code === 'unknown_operation') unknown.push(name);
    }
    expect(unknown).toEqual([]);
  });

  it('has an input schema and declares only known topics', () => {
    for (const name of operationNames) {
      expect(typeof contract[name].input.safeParse, name).toBe('function');
      for (const topic of contract[name].invalidates) expect(['teams', 'settings', 'meetings', 'parkingLot'], name).toContain(topic);
    }
  });
});

describe('an unknown operation', () => {
  it('answers unknown_operation with the name in the message', async () => {
    expect(await core.dispatcher.dispatch('teams.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_operation', message: 'Unknown operation: teams.drop' },
    });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('%j from Object.prototype is unknown too', async (name) => {
    const result = await core.dispatcher.dispatch(name, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_operation');
  });
});

describe('teams.create refuses bad input and writes nothing', () => {
  let events: ChangeEvent[];
  beforeEach(async () => {
    // An existing team, so "nothing written" means counts stay at 1 and 2, not merely at 0.
    await ok('teams.create', { name: 'Existing', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    events = [];
    core.feed.subscribe((e) => events.push(e));
  });

  function expectNothingWritten(): void {
    expect(count('teams')).toBe(1);
    expect(count('members')).toBe(2);
    expect(count('member_events')).toBe(2);
    expect(events).toEqual([]);
  }

  it.each<[string, unknown, string]>([
    ['an empty name', { name: '', timeZone: 'UTC' }, 'Team name is required'],
    ['a blank name', { name: '   ', timeZone: 'UTC' }, 'Team name is required'],
    ['a 121-character name', { name: 'x'.repeat(121), timeZone: 'UTC' }, 'Team name must be at most 120 characters'],
    [
      'a newline in the name',
      { name: 'Ops\nDROP TABLE teams', timeZone: 'UTC' },
      'Team name must be a single line without control characters',
    ],
    ['a bell character in the name', { name: 'Ops\u0007', timeZone: 'UTC' }, 'Team name must be a single line without control characters'],
    ['an unknown time zone', { name: 'Ops', timeZone: 'Mars/Olympus' }, 'Time zone must be an IANA name such as Europe/Berlin'],
    ['a missing time zone', { name: 'Ops' }, 'Time zone must be text'],
    ['an extra key', { name: 'Ops', timeZone: 'UTC', admin: true }, 'Unrecognized key: "admin"'],
    ['a number for the name', { name: 42, timeZone: 'UTC' }, 'Team name must be text'],
    ['a string for members', { name: 'Ops', timeZone: 'UTC', members: 'x' }, 'members: Invalid input: expected array, received string'],
    ['an empty member name', { name: 'Ops', timeZone: 'UTC', members: ['Ana', ''] }, 'Member name is required'],
    ['null input', null, 'Team name must be text'],
    ['a string as input', 'Ops', 'Invalid input: expected object, received string'],
  ])('%s', async (_label, input, message) => {
    const result = await core.dispatcher.dispatch('teams.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toBe(message);
    expect(result.error.issues?.length).toBeGreaterThan(0);
    expectNothingWritten();
  });

  it('a member listed twice (in any case) is a conflict, and neither the team nor anyone is written', async () => {
    const result = await core.dispatcher.dispatch('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Zoë', 'Cara', 'ZOË'] });
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'ZOË is listed twice' } });
    expectNothingWritten();
  });

  it('points at the field that is wrong', async () => {
    const result = await core.dispatcher.dispatch('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'B\u0000b'] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues).toEqual([{ path: 'members.1', message: 'Member name must be a single line without control characters' }]);
    }
    expectNothingWritten();
  });
});

describe('teams.create with valid input', () => {
  it('returns the Team the schema made of the input: trimmed, defaults filled in, stamped by the clock', async () => {
    now = START + 1234;
    const team = await ok<Team>('teams.create', { name: '  Ops  ', timeZone: ' Europe/Berlin ' });
    expect(team).toStrictEqual({
      id: team.id,
      name: 'Ops',
      timeZone: 'Europe/Berlin',
      createdAt: START + 1234,
      updatedAt: START + 1234,
      activeMemberCount: 0,
    });
    expect(team.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(core.opened.db.prepare('select name, time_zone from teams where id = ?').get(team.id)).toEqual({
      name: 'Ops',
      time_zone: 'Europe/Berlin',
    });
  });

  it('trims member names and counts them', async () => {
    const team = await ok<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['  Ana ', 'Ben'] });
    expect(team.activeMemberCount).toBe(2);
    const detail = await ok<TeamDetail>('teams.get', { teamId: team.id });
    expect(detail.members.map((m) => m.name)).toEqual(['Ana', 'Ben']);
  });
});

describe('change events', () => {
  it('a successful write publishes exactly one event with its topics, the next revision and the clock time', async () => {
    const before = core.feed.since(core.feed.epoch, 0).revision;
    const heard: ChangeEvent[] = [];
    core.feed.subscribe((e) => heard.push(e));
    now = START + 5000;
    await ok('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    expect(heard).toEqual([
      { epoch: core.feed.epoch, revision: before + 1, topics: ['teams'], operation: 'teams.create', at: START + 5000 },
    ]);
    expect(core.feed.since(core.feed.epoch, 0).revision).toBe(before + 1);
  });

  it('a refused write and a read publish none', async () => {
    const team = await ok<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const before = core.feed.since(core.feed.epoch, 0).revision;
    const heard: ChangeEvent[] = [];
    core.feed.subscribe((e) => heard.push(e));
    await core.dispatcher.dispatch('teams.create', { name: '', timeZone: 'UTC' });
    await core.dispatcher.dispatch('members.add', { teamId: team.id, name: 'ana' });
    await core.dispatcher.dispatch('teams.rename', { teamId: '018f0000-0000-7000-8000-000000000000', name: 'Nobody' });
    await core.dispatcher.dispatch('teams.get', { teamId: team.id });
    await core.dispatcher.dispatch('teams.list', {});
    expect(heard).toEqual([]);
    expect(core.feed.since(core.feed.epoch, 0).revision).toBe(before);
  });

  it('a write to a missing team is not_found with a message a person can act on', async () => {
    const result = await core.dispatcher.dispatch('teams.rename', { teamId: '018f0000-0000-7000-8000-000000000000', name: 'Nobody' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That team does not exist (it may have been removed in another window)' },
    });
  });
});

describe('outputs are plain JSON', () => {
  it('teams.get round-trips through JSON unchanged, and dispatchSerialized sends exactly that', async () => {
    const team = await ok<Team>('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Zoë 🚀', 'مريم'] });
    await ok('members.update', {
      memberId: (await ok<TeamDetail>('teams.get', { teamId: team.id })).members[0]!.id,
      name: 'Zoë',
      roleTitle: null,
    });
    const detail = await ok<TeamDetail>('teams.get', { teamId: team.id });
    expectPlainJson(detail, 'teams.get');
    expect(detail.history.map((e) => e.kind)).toEqual(['renamed', 'joined', 'joined']);
    expect(JSON.parse(await core.dispatcher.dispatchSerialized('teams.get', { teamId: team.id }))).toStrictEqual({
      ok: true,
      value: detail,
    });
  });

  it('every read of the demo team (teams, meetings, series, templates, parking lot, settings) is plain JSON', async () => {
    const demo = await ok<Team>('demo.load', {});
    const reads: [string, unknown][] = [
      ['app.info', {}],
      ['settings.get', {}],
      ['platform.info', {}],
      ['teams.list', {}],
      ['teams.get', { teamId: demo.id }],
      ['series.list', { teamId: demo.id }],
      ['templates.list', { teamId: demo.id }],
      ['meetings.list', { teamId: demo.id }],
      ['parkingLot.list', { teamId: demo.id, includeClosed: true }],
      ['events.since', { epoch: core.feed.epoch, revision: 0 }],
    ];
    const lists = await ok<MeetingLists>('meetings.list', { teamId: demo.id });
    const meetingIds = [...lists.upcoming, ...lists.past].map((m) => m.id);
    expect(meetingIds).toHaveLength(3);
    for (const meetingId of meetingIds) reads.push(['meetings.get', { meetingId }]);
    for (const [name, input] of reads) expectPlainJson(await ok(name, input), name);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/shared/contract';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const count = (table: string) => (t.core.opened.db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('the contract', () => {
  it('has a handler behind every operation', async () => {
    for (const name of operationNames) {
      const result = await t.core.dispatcher.dispatch(name, {});
      if (!result.ok) expect(result.error.code, name).not.toBe('unknown_operation');
    }
  });

  it('answers an unknown operation with a clear error', async () => {
    expect(await t.core.dispatcher.dispatch('teams.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_operation', message: 'Unknown operation: teams.drop' },
    });
  });

  it.each([
    [{ name: '', timeZone: 'UTC' }, 'Team name is required'],
    [{ name: '   ', timeZone: 'UTC' }, 'Team name is required'],
    [{ name: 'x'.repeat(121), timeZone: 'UTC' }, 'Team name must be at most 120 characters'],
    [{ name: 'Ops\nDROP TABLE teams', timeZone: 'UTC' }, 'Team name must be a single line without control characters'],
    [{ name: 'Ops\u0007', timeZone: 'UTC' }, 'Team name must be a single line without control characters'],
    // Line and paragraph separators break a line in YAML readers, log4brains and table rows, as \n does.
    [{ name: 'Ops\u2028Two', timeZone: 'UTC' }, 'Team name must be a single line without control characters'],
    [{ name: 'Ops', timeZone: 'UTC', members: ['Ana\u2029Lind'] }, 'Member name must be a single line without control characters'],
    [{ name: 'Ops', timeZone: 'UTC', members: ['Ana\u0085Lind'] }, 'Member name must be a single line without control characters'],
    [{ name: 'Ops', timeZone: 'Mars/Olympus' }, 'Time zone must be an IANA name such as Europe/Berlin'],
    [{ name: 42, timeZone: 'UTC' }, 'Team name must be text'],
    [{ name: 'Ops', timeZone: 'UTC', members: 'Ana' }, 'members: Invalid input: expected array, received string'],
    [{ name: 'Ops', timeZone: 'UTC', members: ['Ana', ''] }, 'Member name is required'],
    [{ name: 'Ops', timeZone: 'UTC', admin: true }, 'Unrecognized key: "admin"'],
    [null, 'Team name must be text'],
  ])('refuses teams.create %j with "%s" and writes nothing', async (input, message) => {
    const result = await t.core.dispatcher.dispatch('teams.create', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toBe(message);
    }
    expect(count('teams')).toBe(0);
    expect(count('members')).toBe(0);
  });

  it('refuses a duplicate member in one request as a conflict, writing neither the team nor anyone', async () => {
    const error = await t.fail('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'ana'] });
    expect(error).toMatchObject({ code: 'conflict', message: 'ana is listed twice' });
    expect(count('teams')).toBe(0);
  });

  it('stores what the schema made of the input, and the output is plain JSON', async () => {
    const team = await t.call('teams.create', { name: '  Ops  ', timeZone: ' Europe/Berlin ', members: [' Ana '] });
    expect(team).toMatchObject({ name: 'Ops', timeZone: 'Europe/Berlin', activeMemberCount: 1 });
    const detail = await t.call('teams.get', { teamId: team.id });
    expect(detail.members.map((m) => m.name)).toEqual(['Ana']);
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
  });

  it('publishes one change event per committed write, and none for a refused one', async () => {
    const seen: { revision: number; topics: string[]; operation: string }[] = [];
    t.core.feed.subscribe((e) => seen.push({ revision: e.revision, topics: e.changes.map((c) => c.topic), operation: e.operation }));
    await t.call('teams.create', { name: 'Ops', timeZone: 'UTC' });
    await t.fail('teams.create', { name: '', timeZone: 'UTC' });
    await t.call('teams.list', {});
    expect(seen).toEqual([{ revision: 1, topics: ['teams'], operation: 'teams.create' }]);
  });
});

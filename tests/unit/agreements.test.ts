import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementBodyInput, TeamAgreement } from '../../src/shared/agreements';
import { openTestCore, type TestCore } from '../support/core';

const DAY = 24 * 60 * 60 * 1000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

async function team(members = ['Ana', 'Ben', 'Cleo']) {
  const made = await t.call('teams.create', { name: 'Ops', timeZone: 'Europe/Berlin', members });
  const detail = await t.call('teams.get', { teamId: made.id });
  const id = Object.fromEntries(detail.members.map((m) => [m.name, m.id])) as Record<string, string>;
  return { teamId: made.id, id };
}

/** The body of a version as the edit form sends it back: every row with its id. */
function bodyOf(a: TeamAgreement): AgreementBodyInput {
  return JSON.parse(JSON.stringify(a.current!.body)) as AgreementBodyInput;
}

describe('operating agreement versions', () => {
  it('a starter creates version 1 and the vacant roles it names', async () => {
    const { teamId } = await team();
    const a = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    expect(a.current!.version).toBe(1);
    expect(a.current!.changeNote).toBe('Adopted the starter “Small product team”');
    expect(a.current!.rights.map((r) => [r.kind, r.deciderName, r.suggestedOwnerId])).toEqual([
      ['Product scope and priorities', 'Product lead', null],
      ['Technical architecture', 'Tech lead', null],
      ['Release timing', 'Product lead', null],
      ['Changes to this agreement', 'The whole team', null],
    ]);
    expect(a.versions.map((v) => v.version)).toEqual([1]);
    const roles = await t.call('roles.list', { teamId });
    expect(roles.map((r) => [r.name, r.holderId])).toEqual([
      ['Product lead', null],
      ['Tech lead', null],
    ]);
    const again = await t.fail('agreements.adoptStarter', { teamId, starter: 'leadership-team', revisitBy: '2027-02-24' });
    expect(again.message).toMatch(/already has an operating agreement/);
  });

  it('editing adds a version with a required change note and never overwrites the old one', async () => {
    const { teamId } = await team();
    const v1 = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    const before = await t.call('agreements.version', { versionId: v1.current!.id });
    const body = bodyOf(v1);
    body.checkInCadence = 'Weekly, 30 minutes.';
    for (const changeNote of ['', '   ', '\u200B']) {
      const error = await t.fail('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote, revisitBy: '2027-02-24' });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/Change note is required/);
    }
    t.clock.advance(DAY);
    const v2 = await t.call('agreements.edit', {
      teamId,
      basedOnId: v1.current!.id,
      body,
      changeNote: 'Shorter meetings',
      revisitBy: '2027-03-01',
    });
    expect(v2.current!.version).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.changeNote])).toEqual([
      [2, 'Shorter meetings'],
      [1, 'Adopted the starter “Small product team”'],
    ]);
    expect(await t.call('agreements.version', { versionId: v1.current!.id })).toEqual(before);
    // An edit begun on version 1 after version 2 was saved is refused, not merged over it.
    const stale = await t.fail('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote: 'Mine', revisitBy: '2027-03-01' });
    expect(stale.message).toMatch(/Version 2 was saved meanwhile/);
    const same = await t.fail('agreements.edit', { teamId, basedOnId: v2.current!.id, body, changeNote: 'Again', revisitBy: '2027-03-01' });
    expect(same.message).toMatch(/Nothing changed/);
    // Even SQL cannot rewrite a version.
    expect(() => t.core.opened.db.prepare("update agreement_versions set change_note = 'x'").run()).toThrow(/never changed/);
  });

  it('refuses bad parts with clear messages', async () => {
    const { teamId } = await team();
    const v1 = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    const body = bodyOf(v1);
    body.decisionRights.push({ kind: 'technical ARCHITECTURE', decider: { type: 'team' } });
    let error = await t.fail('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote: 'x', revisitBy: '2027-02-24' });
    expect(error.message).toMatch(/“technical ARCHITECTURE” is listed twice in the decision rights/);
    body.decisionRights.pop();
    body.decisionRights.push({ kind: 'Hiring', decider: { type: 'member' } });
    error = await t.fail('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote: 'x', revisitBy: '2027-02-24' });
    expect(error.message).toMatch(/Choose the member who decides/);
    body.decisionRights.pop();
    error = await t.fail('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote: 'x', revisitBy: '2026-11-01' });
    expect(error.message).toBe('Revisit-by date 2026-11-01 is in the past: choose a later date');
  });

  it('a diff lists exactly the fields and rows that changed', async () => {
    const { teamId, id } = await team();
    const v1 = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    const body = bodyOf(v1);
    body.checkInCadence = 'Weekly, 30 minutes, same day and time.';
    body.decisionRights[1]!.consulted = 'Engineers, security';
    body.decisionRights.splice(2, 1); // Release timing
    body.decisionRights.push({ kind: 'Hiring', decider: { type: 'member', id: id.Ana! }, consulted: 'Team', informed: '' });
    body.escalationPaths.splice(1, 1); // security risk
    const v2 = await t.call('agreements.edit', {
      teamId,
      basedOnId: v1.current!.id,
      body,
      changeNote: 'After a retro',
      revisitBy: '2027-02-24',
    });
    const diff = await t.call('agreements.compare', { fromId: v1.current!.id, toId: v2.current!.id });
    expect(diff.from.version).toBe(1);
    expect(diff.to.version).toBe(2);
    expect(diff.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['Check-in cadence', 'Weekly, 45 minutes, same day and time.', 'Weekly, 30 minutes, same day and time.'],
    ]);
    expect(diff.fields[0]!.parts.filter((p) => p.change !== 'same').map((p) => [p.change, p.text])).toEqual([
      ['removed', '45'],
      ['added', '30'],
    ]);
    expect(diff.rows.map((r) => [r.section, r.change, r.label, r.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [
        'Decision rights',
        'removed',
        'Release timing',
        [
          ['Kind of decision', 'Release timing', ''],
          ['Who decides', 'Product lead', ''],
          ['Consulted', 'Tech lead, QA', ''],
          ['Informed', 'Support', ''],
        ],
      ],
      ['Decision rights', 'changed', 'Technical architecture', [['Consulted', 'Engineers', 'Engineers, security']]],
      [
        'Decision rights',
        'added',
        'Hiring',
        [
          ['Kind of decision', '', 'Hiring'],
          ['Who decides', '', 'Ana'],
          ['Consulted', '', 'Team'],
        ],
      ],
      [
        'Escalation paths',
        'removed',
        'A security or data-loss risk',
        [
          ['When', 'A security or data-loss risk', ''],
          ['To whom', 'Tech lead, at once', ''],
        ],
      ],
    ]);
    const none = await t.call('agreements.compare', { fromId: v2.current!.id, toId: v2.current!.id });
    expect([none.fields, none.rows]).toEqual([[], []]);
  });
});

describe('the revisit date', () => {
  it('brings a due agreement into the old business of the next meeting until it is revisited', async () => {
    const { teamId } = await team();
    const a = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2026-12-01' });
    const meeting = async (date: string) =>
      (await t.call('meetings.create', { teamId, title: `Weekly ${date}`, date, time: '10:00', lengthMin: 30 })).meetingId;
    const revisits = async (meetingId: string) =>
      (await t.call('meetings.get', { meetingId })).oldBusiness
        .filter((o) => o.source === 'agreement_revisit')
        .map((o) => [o.title, o.detail, o.open]);

    expect(await revisits(await meeting('2026-11-30'))).toEqual([]);
    const due = await meeting('2026-12-01');
    expect(await revisits(due)).toEqual([['Operating agreement, version 1', 'Revisit due 2026-12-01', true]]);

    t.clock.advance(7 * DAY);
    const after = await t.call('agreements.revisit', {
      versionId: a.current!.id,
      meetingId: due,
      note: 'Still fits the team',
      nextRevisitBy: '2027-03-01',
    });
    expect(after.revisitBy).toBe('2027-03-01');
    expect(after.revisitDue).toBe(false);
    expect(after.revisits.map((r) => [r.version, r.note, r.nextRevisitBy])).toEqual([[1, 'Still fits the team', '2027-03-01']]);
    expect(await revisits(due)).toEqual([['Operating agreement, version 1', 'Revisit due 2026-12-01', false]]);
    expect(await revisits(await meeting('2026-12-08'))).toEqual([]);
    expect(await revisits(await meeting('2027-03-01'))).toEqual([['Operating agreement, version 1', 'Revisit due 2027-03-01', true]]);
  });

  it('is closed by a new version too', async () => {
    const { teamId } = await team();
    const a = await t.call('agreements.adoptStarter', { teamId, starter: 'volunteer-group', revisitBy: '2026-11-30' });
    const { meetingId } = await t.call('meetings.create', { teamId, title: 'Weekly', date: '2026-12-01', time: '10:00', lengthMin: 30 });
    t.clock.advance(DAY);
    const body = bodyOf(a);
    body.freeText = 'We meet in the library.';
    await t.call('agreements.edit', { teamId, basedOnId: a.current!.id, body, changeNote: 'Where we meet', revisitBy: '2027-06-01' });
    const entry = (await t.call('meetings.get', { meetingId })).oldBusiness.find((o) => o.source === 'agreement_revisit');
    expect(entry?.open).toBe(false);
  });
});

describe('a restore', () => {
  it('brings back the agreement versions and roles of the backup, and drops the later version', async () => {
    const { teamId } = await team();
    const v1 = await t.call('agreements.adoptStarter', { teamId, starter: 'volunteer-group', revisitBy: '2027-02-24' });
    const backup = await t.call('backups.create', {});
    t.clock.advance(60_000);
    const body = bodyOf(v1);
    body.freeText = 'Later';
    await t.call('agreements.edit', { teamId, basedOnId: v1.current!.id, body, changeNote: 'Later change', revisitBy: '2027-02-24' });
    await t.call('backups.restore', { name: backup.name });
    const a = await t.call('agreements.get', { teamId });
    expect(a.versions.map((v) => [v.version, v.changeNote])).toEqual([[1, 'Adopted the starter “Volunteer group”']]);
    expect((await t.call('roles.list', { teamId })).map((r) => r.name)).toEqual(['Coordinator']);
  });
});

describe('roles', () => {
  it('keep every assignment and hand-over in their history', async () => {
    const { teamId, id } = await team();
    const role = await t.call('roles.create', {
      teamId,
      name: 'Release quality',
      purpose: 'Releases go out without regressions',
      holderId: id.Ana!,
    });
    t.clock.advance(10 * DAY);
    const handed = await t.call('roles.assign', { roleId: role.id, memberId: id.Ben! });
    expect(handed.holderName).toBe('Ben');
    expect(handed.history.map((e) => [e.kind, e.memberName, e.at - role.createdAt])).toEqual([
      ['created', null, 0],
      ['assigned', 'Ana', 0],
      ['unassigned', 'Ana', 10 * DAY],
      ['assigned', 'Ben', 10 * DAY],
    ]);
    expect((await t.fail('roles.assign', { roleId: role.id, memberId: id.Ben! })).message).toBe('They already hold this role');
    expect((await t.fail('roles.create', { teamId, name: 'release QUALITY', purpose: '' })).message).toMatch(/already has a role called/);
  });

  it('resolve a decision right that names a role to whoever holds it now', async () => {
    const { teamId, id } = await team();
    const a = await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    const tech = (await t.call('roles.list', { teamId })).find((r) => r.name === 'Tech lead')!;
    const right = async () =>
      (await t.call('agreements.get', { teamId })).current!.rights.find((r) => r.kind === 'Technical architecture')!;
    expect((await right()).suggestedOwnerId).toBeNull();
    await t.call('roles.assign', { roleId: tech.id, memberId: id.Cleo! });
    expect([(await right()).holderName, (await right()).suggestedOwnerId]).toEqual(['Cleo', id.Cleo]);
    await t.call('roles.assign', { roleId: tech.id, memberId: id.Ben! });
    expect((await right()).suggestedOwnerId).toBe(id.Ben);
    expect(a.current!.version).toBe(1);
  });
});

describe('decisions under the agreement', () => {
  it('take a decision right from the agreement in force, and the minutes name it', async () => {
    const { teamId, id } = await team();
    await t.call('agreements.adoptStarter', { teamId, starter: 'small-product-team', revisitBy: '2027-02-24' });
    const { meetingId } = await t.call('meetings.create', { teamId, title: 'Weekly', date: '2026-11-24', time: '10:00', lengthMin: 30 });
    let d = await t.call('meetings.get', { meetingId });
    d = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Proposals',
      plannedMin: 15,
    });
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    const base = { meetingId, agendaItemId: d.items[0]!.id, title: 'Move to Postgres', decision: 'We move to Postgres.', ownerId: id.Ana! };
    const refused = await t.fail('decisions.propose', { ...base, decisionRight: 'Ana decides alone' });
    expect(refused.message).toBe(
      '“Ana decides alone” is not a decision right in the team’s operating agreement (version 1). Choose one of: “Product scope and priorities”, “Technical architecture”, “Release timing”, “Changes to this agreement”; or add it to the agreement first.',
    );
    const made = await t.call('decisions.propose', { ...base, decisionRight: 'technical architecture' });
    expect(made.decisionRight).toBe('Technical architecture');
    await t.call('decisions.readBack', { decisionId: made.id, on: true });
    await t.call('decisions.decide', { decisionId: made.id, outcome: 'accepted' });
    const lines = (await t.call('minutes.markdown', { meetingId })).content.split('\n');
    expect(lines).toContain('- Owner: Ana, under “Technical architecture”');
  });
});

describe('the demo team', () => {
  it('has an agreement in two versions, due for revisit at its next meeting, roles with a hand-over, and decisions under its rights', async () => {
    const demo = await t.call('demo.load', {});
    const a = await t.call('agreements.get', { teamId: demo.id });
    expect(a.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(a.revisitDue).toBe(true);
    const engineering = a.current!.rights.find((r) => r.kind === 'Engineering practice')!;
    expect([engineering.decider.type, engineering.deciderName, engineering.holderName]).toEqual(['role', 'Tech lead', 'Maya Okafor']);
    expect(a.current!.body.escalationPaths.map((e) => e.to)).toContain('Tech lead (on call)');
    const roles = await t.call('roles.list', { teamId: demo.id });
    const tech = roles.find((r) => r.name === 'Tech lead')!;
    expect(tech.history.filter((e) => e.kind !== 'created').map((e) => [e.kind, e.memberName])).toEqual([
      ['assigned', 'Diego Alvarez'],
      ['unassigned', 'Diego Alvarez'],
      ['assigned', 'Maya Okafor'],
    ]);
    const { upcoming } = await t.call('meetings.list', { teamId: demo.id });
    const next = await t.call('meetings.get', { meetingId: upcoming[0]!.id });
    expect(next.oldBusiness.filter((o) => o.source === 'agreement_revisit').map((o) => [o.title, o.open])).toEqual([
      ['Operating agreement, version 2', true],
    ]);
    const kinds = new Set(a.current!.rights.map((r) => r.kind));
    const log = await t.call('decisions.search', { teamId: demo.id, limit: 100 });
    expect(log.rows.length).toBeGreaterThan(0);
    for (const d of log.rows) expect(kinds.has(d.decisionRight ?? '')).toBe(true);
  });
});

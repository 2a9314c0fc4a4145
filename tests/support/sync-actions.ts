import fc from 'fast-check';
import type { TeamAgreement } from '../../src/shared/agreements';
import type { Stance } from '../../src/shared/decisions';
import type { TestCore } from './core';

/** A laptop as the sync properties drive it: its name and its core, through the real operations only. */
export interface Person {
  name: string;
  t: TestCore;
}

/** What a laptop's people do between syncs, through the real operations. */
export async function activeMembers(l: Person, teamId: string): Promise<{ id: string; name: string }[]> {
  return (await l.t.call('teams.get', { teamId })).members.filter((m) => m.leftAt === null);
}

/** The team's agreement edited on this laptop a second later, its free text replaced (the change note says the same). */
export async function editAgreement(t: TestCore, teamId: string, freeText: string): Promise<TeamAgreement> {
  const current = (await t.call('agreements.get', { teamId })).current!;
  t.clock.advance(1_000);
  return t.call('agreements.edit', {
    teamId,
    basedOnId: current.id,
    body: { ...current.body, freeText },
    changeNote: freeText,
    revisitBy: '2027-02-24',
  });
}

/**
 * Holds a meeting from start to end: a proposal on which members in the room take `stances` (an objection is
 * resolved, overruled by the owner or withdrawn, in turn), accepted with the room's consent, and a commitment made in it.
 */
export async function holdMeeting(
  l: Person,
  teamId: string,
  title: string,
  date: string,
  stances: readonly Stance[] = [],
): Promise<{ meetingId: string; decisionId: string; commitmentId: string }> {
  const { meetingId } = await l.t.call('meetings.create', { teamId, title, date, time: '10:00', lengthMin: 30 });
  let d = await l.t.call('meetings.get', { meetingId });
  d = await l.t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'proposal',
    title: 'Proposals',
    plannedMin: 15,
  });
  await l.t.call('attendance.allPresent', { meetingId });
  await l.t.call('meetings.start', { meetingId });
  const members = await activeMembers(l, teamId);
  const [owner, proposer] = members;
  const decision = await l.t.call('decisions.propose', {
    meetingId,
    agendaItemId: d.items.find((i) => i.kind === 'proposal')!.id,
    title: `${title}: on-call rota`,
    question: 'Who carries the pager?',
    decision: 'A weekly rota.',
    options: [],
    proposerId: (proposer ?? owner)!.id,
    ownerId: owner!.id,
  });
  for (const [i, stance] of stances.entries()) {
    const objecting = stance === 'disagree' || stance === 'block';
    const { objectionId } = await l.t.call('decisions.position', {
      decisionId: decision.id,
      memberId: members[i % members.length]!.id,
      stance,
      reason: objecting ? `Not before the ${title} hand-over` : null,
    });
    if (objectionId)
      await l.t.call(
        'decisions.resolveObjection',
        i % 2 === 0
          ? { objectionId, resolution: 'overruled', note: 'The rota can change next month.' }
          : { objectionId, resolution: 'withdrawn' },
      );
  }
  await l.t.call('decisions.readBack', { decisionId: decision.id, on: true });
  await l.t.call('decisions.decide', { decisionId: decision.id, outcome: 'accepted' });
  const commitment = await l.t.call('commitments.create', {
    meetingId,
    teamId,
    ownerId: owner!.id,
    outcome: `${title}: rota published`,
    dueDate: '2026-12-31',
    confirmPastDue: true,
  });
  await l.t.call('meetings.end', { meetingId });
  return { meetingId, decisionId: decision.id, commitmentId: commitment.id };
}

/**
 * A team's rows by table, as its archive carries them (the public read of everything a team holds), with a built-in
 * template's id (each laptop makes its own) named by its key, as the laptops share it.
 */
export async function teamRows(t: TestCore, teamId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const archive = JSON.parse((await t.call('archive.export', { teamId })).content) as {
    builtinTemplates: { id: string; key: string }[];
    tables: Record<string, Record<string, unknown>[]>;
  };
  const builtin = new Map(archive.builtinTemplates.map((b) => [b.id, `built-in ${b.key}`]));
  for (const rows of Object.values(archive.tables))
    for (const row of rows)
      for (const [column, value] of Object.entries(row))
        if (typeof value === 'string' && builtin.has(value)) row[column] = builtin.get(value);
  return archive.tables;
}

/** A team's data as sorted lines, one a row ("table {json}"): the same on two laptops exactly when they hold the same data (and so the same checksum). */
export async function teamLines(t: TestCore, teamId: string): Promise<string[]> {
  return Object.entries(await teamRows(t, teamId))
    .flatMap(([table, rows]) => rows.map((r) => `${table} ${JSON.stringify(r)}`))
    .sort();
}

/**
 * Rows the domain itself removes (a decision's tags are replaced as a set; a turn left without notes is taken back);
 * every other row, once recorded anywhere, is kept everywhere.
 */
const REMOVABLE = new Set(['decision_tags', 'turns']);

/** "table id" of every kept row of the team on this laptop: what must be present everywhere after the final syncs. */
export async function keptRows(t: TestCore, teamId: string): Promise<string[]> {
  return Object.entries(await teamRows(t, teamId))
    .filter(([table]) => !REMOVABLE.has(table))
    .flatMap(([table, rows]) => rows.map((r) => `${table} ${typeof r.id === 'string' ? r.id : JSON.stringify(r)}`));
}

export type Step =
  | { kind: 'meeting'; laptop: number; stances: Stance[] }
  | { kind: 'outcome'; laptop: number; pick: number; outcome: 'on_track' | 'at_risk' | 'done' }
  | { kind: 'amend'; laptop: number; pick: number; word: string }
  | { kind: 'rename'; laptop: number; pick: number; name: string }
  | { kind: 'team'; laptop: number; name: string }
  | { kind: 'sync'; laptop: number }
  /** Two laptops sync at the same moment: both fetch the same head, so one push is refused and goes round again. */
  | { kind: 'syncPair'; laptop: number; other: number };

const laptopIndex = fc.integer({ min: 0, max: 2 });

/** A random step of one of three laptops: work on the team's history and rows in place, and syncs. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('meeting' as const),
    laptop: laptopIndex,
    stances: fc.array(fc.constantFrom<Stance>('agree', 'consent', 'stand_aside', 'disagree', 'block'), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('outcome' as const),
    laptop: laptopIndex,
    pick: fc.nat(),
    outcome: fc.constantFrom('on_track' as const, 'at_risk' as const, 'done' as const),
  }),
  fc.record({ kind: fc.constant('amend' as const), laptop: laptopIndex, pick: fc.nat(), word: fc.constantFrom('cost', 'speed', 'safety') }),
  fc.record({ kind: fc.constant('rename' as const), laptop: laptopIndex, pick: fc.nat(), name: fc.constantFrom('Sam', 'Robin', 'Alex') }),
  // A change of a row in place, its file's lines otherwise the same (a rename adds a member event; this adds nothing).
  fc.record({ kind: fc.constant('team' as const), laptop: laptopIndex, name: fc.constantFrom('North', 'South') }),
  fc.record({ kind: fc.constant('sync' as const), laptop: laptopIndex }),
  fc.record({ kind: fc.constant('syncPair' as const), laptop: laptopIndex, other: fc.integer({ min: 1, max: 2 }) }),
);

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/** Does a step's work on laptop `l` (every kind but the syncs, which the property runs its own way); `n` numbers the step. */
export async function act(l: Person, teamId: string, s: Exclude<Step, { kind: 'sync' | 'syncPair' }>, n: number): Promise<void> {
  switch (s.kind) {
    case 'meeting':
      await holdMeeting(l, teamId, `Meeting ${n} on ${l.name}`, new Date(l.t.clock.now()).toISOString().slice(0, 10), s.stances);
      return;
    case 'amend': {
      const rows = (await teamRows(l.t, teamId)).decisions!.filter((d) => d.status === 'accepted');
      const decisionId = pick(rows.map((d) => String(d.id)).sort(), s.pick);
      if (decisionId)
        await l.t.call('decisions.amend', { decisionId, reason: `Clarified on ${l.name}`, rationale: `Because of ${s.word} (step ${n}).` });
      return;
    }
    case 'outcome': {
      const open = (await l.t.call('commitments.board', { teamId })).open.filter((c) => c.teamId === teamId);
      const commitmentId = pick(open.map((c) => c.id).sort(), s.pick);
      if (commitmentId)
        await l.t.call(
          'commitments.record',
          s.outcome === 'at_risk'
            ? { commitmentId, outcome: 'at_risk', reason: `Waiting on ${l.name}` }
            : { commitmentId, outcome: s.outcome },
        );
      return;
    }
    case 'rename': {
      const member = pick(await activeMembers(l, teamId), s.pick);
      if (member) await l.t.call('members.update', { memberId: member.id, name: `${s.name} ${l.name}${n}`, roleTitle: null });
      return;
    }
    case 'team':
      await l.t.call('teams.rename', { teamId, name: `${s.name} ${l.name}${n}` });
  }
}

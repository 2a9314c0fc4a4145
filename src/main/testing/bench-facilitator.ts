/**
 * The facilitator's writes measured in the service (through the dispatcher: validation, the one transaction,
 * the reply), each sample beside a raw SQLite insert+commit made in the same loop on the same connection (a table of
 * its own in the same file, so the same WAL, checkpoints and disk), alternating with it; then what the console and
 * the projector read again after each change, which the contract decides (the meeting parts whose scopes the change
 * reaches, or only the rows it reached of a part that keeps its rows one by one).
 * Every iteration acts on another of several live meetings, so nothing answers the same question twice.
 */
import path from 'node:path';
import { contract, type OperationName } from '@shared/contract';
import { anyOverlap, type Scope } from '@shared/events';
import { rowsToRead, type Rows } from '@shared/operations/define';
import type { CadenceCore } from '../core/cadence-core';
import { pairedRow, ratioRow, rawCommit, rawCommitBeside, rawGoesFirst, samples, Slowest, withCpu, type BenchRow } from './bench-kit';
import { StatementLog } from './bench-statements';
import { pageOwners, pagesLabel, walFramesOf } from './bench-wal-pages';

const PART_READS = ['meetings.live', 'meetings.decisions', 'meetings.commitments', 'meetings.context', 'meetings.feedback'] as const;

interface LiveMeeting {
  meetingId: string;
  teamId: string;
  itemIds: string[];
  attendeeIds: string[];
  memberIds: string[];
  proposalId: string;
  /** The proposal the objection bench raises and resolves its objections on. */
  objectedId: string;
  /** Puts a fresh proposal in the meeting's proposal item; answers its id. */
  propose: () => Promise<string>;
  openCommitmentIds: string[];
}

/** Samples per write (BENCH_SAMPLES): enough that a p95 is not one busy moment of the disk. */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
/**
 * What the windows read again is measured over the first this-many samples of each write (the earlier benches'
 * count): later a meeting holds more than any meeting does (hundreds of positions), which its reads would report
 * rather than the change.
 */
const REREAD_SAMPLES = 200;
/**
 * The objection bench's proposal takes this many rounds of objections before it puts a fresh one: each objection
 * rewrites its proposal's full-text row with all of them. The first fresh one comes after the reads-again samples.
 */
const ROUNDS_PER_PROPOSAL = 25;
/**
 * Live meetings the writes rotate over (BENCH_MEETINGS, 1 to 8). With one, as on a laptop running one meeting, the
 * entries of the per-meeting indexes (the events' by meeting) are appended rather than put between other meetings'
 * (measured: the undo log's index cost 1.2-1.4 pages a live write either way, until migration 023 dropped it).
 */
const MEETINGS = Math.min(8, Math.max(1, Number(process.env.BENCH_MEETINGS ?? 8)));
/** Untimed writes whose WAL pages are counted (even: the writes come in pairs); more when they are told apart by b-tree. */
const COUNTED = process.env.BENCH_PAGES ? 40 : 8;

export type Call = <K extends OperationName>(name: K, input: unknown) => Promise<unknown>;

export function caller(core: CadenceCore): Call {
  return async (name, input) => {
    const result = await core.dispatcher.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
}

/** A meeting like the demo's, started, in one of the seeded teams: rounds, a proposal, a review, a check-out. */
export async function startMeeting(core: CadenceCore, call: Call, teamId: string, date: string): Promise<LiveMeeting> {
  const { meetingId } = (await call('meetings.create', { teamId, title: 'Weekly', date, time: '09:00', lengthMin: 60 })) as {
    meetingId: string;
  };
  const kinds = [
    ['check_in', 'Check-in'],
    ['commitment_review', 'Commitments'],
    ['proposal', 'Proposal'],
    ['discussion', 'Discussion'],
    ['check_out', 'Check-out'],
  ] as const;
  for (const [kind, title] of kinds) {
    const revision = core.services.meetingView.live(meetingId).meeting.agendaRevision;
    await call('agenda.addItem', { meetingId, expectedRevision: revision, kind, title, plannedMin: 10 });
  }
  for (const a of core.services.meetingView.live(meetingId).attendees)
    await call('attendance.set', { attendeeId: a.id, status: 'present' });
  await call('meetings.start', { meetingId });
  const live = core.services.meetingView.live(meetingId);
  const members = core.services.meetingView.context(meetingId).members.filter((m) => m.leftAt === null);
  const propose = async () =>
    (
      (await call('decisions.propose', {
        meetingId,
        agendaItemId: live.items[2]!.id,
        title: 'Try a shorter stand-up',
        decision: 'Stand-ups take ten minutes.',
        rationale: 'Less waiting.',
        ownerId: members[0]!.id,
      })) as { id: string }
    ).id;
  const review = core.services.meetingView
    .commitments(meetingId)
    .review.filter((c) => c.status !== 'done' && c.status !== 'dropped' && !c.needsReassignment);
  return {
    meetingId,
    teamId,
    itemIds: live.items.map((i) => i.id),
    attendeeIds: live.attendees.map((a) => a.id),
    memberIds: members.map((m) => m.id),
    proposalId: await propose(),
    objectedId: await propose(),
    propose,
    openCommitmentIds: review.map((c) => c.id),
  };
}

function dependsOn(read: (typeof PART_READS)[number], meetingId: string, answer: unknown): Scope[] {
  return (contract[read].dependsOn as (i: unknown, o: unknown) => Scope[])({ meetingId }, answer ?? null);
}

export async function benchFacilitator(core: CadenceCore, advance: (ms: number) => void): Promise<BenchRow[]> {
  const call = caller(core);
  const teamIds = (core.services.teams.list() as { id: string }[]).slice(0, MEETINGS).map((t) => t.id);
  const meetings: LiveMeeting[] = [];
  for (const [i, teamId] of teamIds.entries()) meetings.push(await startMeeting(core, call, teamId, `2026-12-0${1 + (i % 7)}`));
  const pick = (i: number) => meetings[i % meetings.length]!;
  // Each meeting's turn comes round every `meetings.length` samples: the how-many-th time it is acted on.
  const round = (i: number) => Math.floor(i / meetings.length);

  // Each facilitator write, with inputs that rotate over the meetings; `prepare` runs unmeasured before it.
  const writes: {
    label: string;
    name: OperationName | ((i: number) => OperationName);
    input: (i: number) => unknown;
    prepare?: (i: number) => Promise<unknown>;
  }[] = [
    {
      label: 'note save',
      name: 'live.setNotes',
      input: (i) => ({ meetingId: pick(i).meetingId, itemId: pick(i).itemIds[3], notes: `Discussed option ${i}. `.repeat(1 + (i % 20)) }),
    },
    { label: 'turn (come back later)', name: 'live.turn', input: (i) => ({ meetingId: pick(i).meetingId, action: 'later' }) },
    // Alternating, so every meeting moves one item on and back (and pauses, then resumes).
    {
      label: 'next / previous item',
      name: (i) => (i % 2 ? 'live.previous' : 'live.next'),
      input: (i) => ({ meetingId: pick(i >> 1).meetingId }),
    },
    { label: 'pause / resume', name: (i) => (i % 2 ? 'live.resume' : 'live.pause'), input: (i) => ({ meetingId: pick(i >> 1).meetingId }) },
    {
      label: 'position in the go-round',
      name: 'decisions.position',
      input: (i) => {
        const m = pick(i);
        return {
          decisionId: m.proposalId,
          memberId: m.memberIds[i % m.memberIds.length],
          stance: ['agree', 'consent', 'stand_aside'][i % 3],
        };
      },
    },
    {
      label: 'objection resolved',
      name: 'decisions.resolveObjection',
      prepare: async (i) => {
        const m = pick(i);
        // Every objection rewrites its proposal's full-text row with all its objections: a fresh proposal now and then.
        if (round(i) > 0 && round(i) % ROUNDS_PER_PROPOSAL === 0) m.objectedId = await m.propose();
        const raised = (await call('decisions.position', {
          decisionId: m.objectedId,
          memberId: m.memberIds[i % m.memberIds.length],
          stance: 'block',
          reason: `Concern number ${i}`,
        })) as { objectionId: string };
        objection = raised.objectionId;
      },
      input: () => ({ objectionId: objection, resolution: 'withdrawn' }),
    },
    {
      label: 'commitment outcome',
      name: 'commitments.record',
      input: (i) => {
        const m = pick(i);
        const id = m.openCommitmentIds[Math.floor(i / meetings.length) % m.openCommitmentIds.length];
        return i % 2
          ? { commitmentId: id, meetingId: m.meetingId, outcome: 'on_track' }
          : { commitmentId: id, meetingId: m.meetingId, outcome: 'at_risk', reason: 'Waiting on the vendor' };
      },
    },
    {
      label: 'check-out rating',
      name: 'feedback.give',
      input: (i) => ({
        meetingId: pick(i).meetingId,
        attendeeId: pick(i).attendeeIds[i % pick(i).attendeeIds.length],
        rating: 1 + (i % 10),
      }),
    },
  ];
  let objection = '';
  // BENCH_WRITES=position,outcome measures only the writes whose labels hold one of those words (a profile of one write).
  const only = process.env.BENCH_WRITES?.split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const chosen = only?.length ? writes.filter((w) => only.some((word) => w.label.includes(word))) : writes;

  const held = new Map<string, unknown>();
  for (const m of meetings)
    for (const read of PART_READS) held.set(`${read} ${m.meetingId}`, (await call(read, { meetingId: m.meetingId })) as unknown);
  const rows: BenchRow[] = [];
  const raw = rawCommitBeside(core.opened.db);
  const slowest = new Slowest(core.opened.file);
  const rereads: number[] = [];
  const rereadRows: BenchRow[] = [];
  const writeRows: BenchRow[] = [];
  // BENCH_STATEMENTS=1: each write's statements, counted on untimed runs after its timed ones (on stderr).
  const statements = process.env.BENCH_STATEMENTS ? new StatementLog(core.opened.db) : null;
  // And what the windows read again after each write, in the timed samples (their times then carry the log's own cost).
  const rereadStatements = process.env.BENCH_STATEMENTS ? new StatementLog(core.opened.db) : null;
  let untimed = SAMPLES + COUNTED;
  for (const write of chosen) {
    const durations: number[] = [];
    const raws: number[] = [];
    const mine: number[] = [];
    const cpu = { write: [] as number[], raw: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      advance(1000);
      if (write.prepare) await write.prepare(i);
      const input = write.input(i);
      const name = typeof write.name === 'function' ? write.name(i) : write.name;
      // The raw commit goes before the write or after it, by a coin: neither always follows the other.
      const rawOne = () =>
        withCpu(cpu.raw, () => slowest.time('raw commit', `raw commit beside ${write.label}, sample ${i}`, () => raw.commit(i)));
      const first = rawGoesFirst(i);
      if (first) raws.push(await rawOne());
      let result: Awaited<ReturnType<typeof core.dispatcher.dispatch>> | undefined;
      durations.push(
        await withCpu(cpu.write, () =>
          slowest.time('write', `${write.label} (${name}), sample ${i}`, async () => {
            result = await core.dispatcher.dispatch(name, input);
          }),
        ),
      );
      if (!first) raws.push(await rawOne());
      if (!result!.ok) throw new Error(`${name}: ${result!.error.message}`);
      // What the console and the projector read again: the parts of this meeting the change reaches, once per window.
      const changes = (contract[name].changes as (i: unknown, o: unknown) => Scope[])(input, result!.value);
      if (i >= REREAD_SAMPLES) continue;
      const meetingId = (input as { meetingId?: string }).meetingId ?? pick(i).meetingId;
      // As the renderer's cache does: each part's scopes come from its input and the answer it holds.
      const stale = PART_READS.filter((read) => anyOverlap(changes, dependsOn(read, meetingId, held.get(`${read} ${meetingId}`))));
      // A part that keeps its rows one by one re-reads only the rows the change reached.
      const rowReads = PART_READS.filter((read) => !stale.includes(read)).flatMap((read) => {
        const rows = contract[read].rows as Rows<unknown> | undefined;
        const answer = held.get(`${read} ${meetingId}`);
        if (!rows || answer === undefined) return [];
        return rowsToRead(rows, answer, changes, { meetingId }).map((input) => ({ read, rows, input }));
      });
      const before = performance.now();
      const reread = async () => {
        for (let window = 0; window < 2; window++) {
          for (const read of stale) {
            const answer = await core.dispatcher.dispatch(read, { meetingId });
            if (answer.ok) held.set(`${read} ${meetingId}`, answer.value);
          }
          for (const row of rowReads) {
            const answer = await core.dispatcher.dispatch(row.rows.read, row.input);
            const key = `${row.read} ${meetingId}`;
            // A row the part cannot place (put answers null) has the whole part read again.
            if (answer.ok) held.set(key, row.rows.put(held.get(key), answer.value, { meetingId }) ?? (await call(row.read, { meetingId })));
          }
        }
      };
      await (rereadStatements ? rereadStatements.during(reread) : reread());
      rereads.push(performance.now() - before);
      mine.push(performance.now() - before);
    }
    // Untimed, after the timed runs: the pages each commit of this write adds to the WAL.
    const frames: (number[] | null)[] = [];
    for (let i = SAMPLES; i < SAMPLES + COUNTED; i++) {
      advance(1000);
      if (write.prepare) await write.prepare(i);
      const name = typeof write.name === 'function' ? write.name(i) : write.name;
      frames.push(await walFramesOf(core, () => call(name, write.input(i))));
    }
    const pages = frames.map((f) => f?.length ?? null);
    if (process.env.BENCH_PAGES) {
      const counted = frames.filter((f): f is number[] => f !== null);
      process.stderr.write(`${write.label}: pages per write by table or index: ${pageOwners(core, counted)}\n`);
    }
    if (statements) {
      statements.reset();
      for (const end = untimed + 200; untimed < end; untimed++) {
        advance(1000);
        if (write.prepare) await write.prepare(untimed);
        const name = typeof write.name === 'function' ? write.name(untimed) : write.name;
        const input = write.input(untimed);
        await statements.during(() => call(name, input));
      }
      process.stderr.write(`${statements.report(write.label)}\n`);
      process.stderr.write(`${rereadStatements!.report(`read again after ${write.label}`)}\n`);
      rereadStatements!.reset();
    }
    // The disk's floor in this minute, with no checkpoint of the app's beside it (a scratch file of its own).
    const alone = rawCommit(path.dirname(core.opened.file), 400);
    writeRows.push(pairedRow(`${write.label} (${pagesLabel(pages)}), in the service`, durations, raws, 2, alone, cpu));
    rereadRows.push(ratioRow(`  read again by console + projector after: ${write.label}`, mine, null, { maxMs: 3 }));
  }
  raw.drop();
  rows.push(...writeRows, ...slowest.rows());
  rows.push(
    ratioRow(`what console + projector read again after each of those writes (their first ${REREAD_SAMPLES})`, rereads, null, { maxMs: 3 }),
    ...rereadRows,
  );
  // Cold: a meeting not read before, every part of it (what a window opening an old meeting reads).
  const old = core.opened.db
    .prepare("select id from meetings where status = 'ended' order by random() limit 60")
    .all()
    .map((r) => (r as { id: string }).id);
  const cold = await samples(old.length, async (i) => {
    for (const read of PART_READS) await core.dispatcher.dispatch(read, { meetingId: old[i] });
  });
  rows.push(ratioRow('open a meeting not read before (all five parts, cold)', cold, null));
  return rows;
}

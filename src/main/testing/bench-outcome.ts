/**
 * The commitment review's outcome (issue 14, items 1 and 2): the write in the service, each sample beside a raw
 * insert+commit made next to it on the same connection (a table of its own in the same file and WAL), and what the console and the projector read again after it, as the renderer's cache decides from
 * the contract (whole parts whose scopes the change reaches; rows it reached of a part kept row by row).
 * Every iteration records the next kind of outcome on the next open commitment of the next live meeting, so no
 * figure comes from answering the same question twice; cold reads (a window opening the review) are reported too.
 */
import path from 'node:path';
import { contract, type OperationName } from '@shared/contract';
import { anyOverlap, type Scope } from '@shared/events';
import { rowsToRead, type Rows } from '@shared/operations/define';
import type { CadenceCore } from '../core/cadence-core';
import { caller, startMeeting } from './bench-facilitator';
import { pairedRow, ratioRow, rawCommit, rawCommitBeside, rawGoesFirst, Slowest, withCpu, type BenchRow } from './bench-kit';

/** What the console and the projector each hold of a meeting (useMeeting's five part reads). */
const PARTS = ['meetings.live', 'meetings.decisions', 'meetings.commitments', 'meetings.context', 'meetings.feedback'] as const;
type Part = (typeof PARTS)[number];

const KINDS = ['done', 'on track', 'at risk', 'slipped', 'slipped, corrective commitment', 'renegotiated', 'dropped'] as const;
type Kind = (typeof KINDS)[number];

interface Review {
  meetingId: string;
  memberIds: string[];
  open: string[];
  next: number;
}

/** The parts a window holds of each meeting, and the reads the cache makes after a change event, per window. */
export class HeldParts {
  private readonly held = new Map<string, unknown>();
  constructor(private readonly core: CadenceCore) {}

  async load(meetingId: string): Promise<void> {
    for (const read of PARTS) await this.read(read, { meetingId }, meetingId);
  }

  /** Re-reads, as the renderer's cache does, what `changes` made stale in one window; answers what was read. */
  async readAgain(meetingId: string, changes: Scope[]): Promise<string[]> {
    const reads: string[] = [];
    // A row held by two parts (the review and the old business) is read once per change, as the cache does.
    const rowReads = new Map<string, unknown>();
    for (const part of PARTS) {
      const answer = this.held.get(`${part} ${meetingId}`);
      const dependsOn = (contract[part].dependsOn as (i: unknown, o: unknown) => Scope[])({ meetingId }, answer ?? null);
      if (anyOverlap(changes, dependsOn)) {
        await this.read(part, { meetingId }, meetingId);
        reads.push(part);
        continue;
      }
      const rows = contract[part].rows as Rows<unknown> | undefined;
      if (!rows || answer === undefined) continue;
      for (const input of rowsToRead(rows, answer, changes, { meetingId })) {
        const key = `${rows.read} ${JSON.stringify(input)}`;
        if (!rowReads.has(key)) {
          rowReads.set(key, await this.dispatch(rows.read as OperationName, input));
          reads.push(rows.read);
        }
        const value = rowReads.get(key);
        const patched = rows.put(this.held.get(`${part} ${meetingId}`), value, { meetingId });
        // A row the part cannot place has the whole part read again, as the renderer's cache does.
        if (patched !== null) this.held.set(`${part} ${meetingId}`, patched);
        else {
          await this.read(part, { meetingId }, meetingId);
          reads.push(part);
          break;
        }
      }
    }
    return reads;
  }

  private async read(part: Part, input: { meetingId: string }, meetingId: string): Promise<void> {
    this.held.set(`${part} ${meetingId}`, await this.dispatch(part, input));
  }

  private async dispatch(name: OperationName, input: unknown): Promise<unknown> {
    const result = await this.core.dispatcher.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
}

function outcomeInput(kind: Kind, commitmentId: string, review: Review, i: number, firstDay: number): Record<string, unknown> {
  const base = { commitmentId, meetingId: review.meetingId };
  // A day of its own per iteration, after any a commitment was moved to before: never the date it already has.
  const later = new Date(firstDay + i * 86_400_000).toISOString().slice(0, 10);
  switch (kind) {
    case 'done':
      return { ...base, outcome: 'done' };
    case 'on track':
      return { ...base, outcome: 'on_track' };
    case 'at risk':
      return { ...base, outcome: 'at_risk', reason: `Waiting on the vendor (${i})` };
    case 'slipped':
      return { ...base, outcome: 'slipped', rootCause: 'wrong_assumption', correctiveAction: `Ask the vendor first (${i})` };
    case 'slipped, corrective commitment':
      return {
        ...base,
        outcome: 'slipped',
        rootCause: 'missing_resource',
        correctiveAction: `Book the test rig for ${i}`,
        corrective: { ownerId: review.memberIds[i % review.memberIds.length], dueDate: later },
      };
    case 'renegotiated':
      return { ...base, outcome: 'renegotiated', newDueDate: later, reason: `Scope grew (${i})` };
    case 'dropped':
      return { ...base, outcome: 'dropped', reason: `No longer needed (${i})` };
  }
}

export async function benchOutcome(core: CadenceCore, advance: (ms: number) => void): Promise<BenchRow[]> {
  const call = caller(core);
  const teamIds = core.services.teams
    .list()
    .slice(8, 14)
    .map((t) => t.id);
  const reviews: Review[] = [];
  for (const [i, teamId] of teamIds.entries()) {
    const m = await startMeeting(core, call, teamId, `2026-12-2${i % 8}`);
    reviews.push({ meetingId: m.meetingId, memberIds: m.memberIds, open: m.openCommitmentIds, next: 0 });
  }
  // 150 of each kind (1,050 in all): a p95 of a few dozen is one hiccup of the disk. Each review closes (done,
  // dropped) two of every seven: 50 of its open commitments.
  const N = KINDS.length * 150;
  // A folder measured before (BENCH_DIR) has had commitments closed: the team commits to more first, untimed.
  const closing = (N * 2) / KINDS.length / reviews.length;
  for (const r of reviews)
    while (r.open.length <= closing + 10) {
      const made = (await call('commitments.create', {
        meetingId: r.meetingId,
        ownerId: r.memberIds[r.open.length % r.memberIds.length],
        outcome: `Follow up on item ${r.open.length}`,
        dueDate: '2026-12-31',
      })) as { id: string };
      r.open.push(made.id);
    }
  // Two windows (console and projector), each with its own cache holding every part of every meeting.
  const windows = [new HeldParts(core), new HeldParts(core)];
  for (const w of windows) for (const r of reviews) await w.load(r.meetingId);
  // New due dates start after the latest any commitment has (a folder measured before, BENCH_DIR, has some).
  const latest = core.opened.db.prepare("select max(new_due_date) as d from commitment_events where kind = 'renegotiated'").get() as {
    d: string | null;
  };
  const firstDay = Math.max(Date.UTC(2027, 0, 1), latest.d ? Date.parse(`${latest.d}T00:00:00Z`) + 86_400_000 : 0);
  const raw = rawCommitBeside(core.opened.db);
  const slowest = new Slowest(core.opened.file);
  const raws: number[] = [];
  const writes: number[] = [];
  const rereads: number[] = [];
  const byKind = new Map<
    Kind,
    { write: number[]; raw: number[]; reread: number[]; reads: Set<string>; cpu: { write: number[]; raw: number[] } }
  >(KINDS.map((k) => [k, { write: [], raw: [], reread: [], reads: new Set(), cpu: { write: [], raw: [] } }]));
  const cpu = { write: [] as number[], raw: [] as number[] };
  const cold: number[] = [];
  const coldRow: number[] = [];
  for (let i = 0; i < N; i++) {
    advance(1000);
    const kind = KINDS[i % KINDS.length]!;
    const review = reviews[i % reviews.length]!;
    const at = review.next++ % review.open.length;
    const commitmentId = review.open[at]!;
    // A closed commitment leaves the review's walk: the next outcome of this meeting takes the next open one.
    if (kind === 'done' || kind === 'dropped') review.open.splice(at, 1);
    const input = outcomeInput(kind, commitmentId, review, i, firstDay);

    // The raw commit goes before the write on even samples and after it on odd ones: neither always follows the other.
    const mine = byKind.get(kind)!;
    const rawCpu: number[] = [];
    const writeCpu: number[] = [];
    const rawOne = () => withCpu(rawCpu, () => slowest.time('raw commit', `raw commit beside ${kind}, sample ${i}`, () => raw.commit(i)));
    const rawBefore = rawGoesFirst(i) ? await rawOne() : null;
    let result: Awaited<ReturnType<typeof core.dispatcher.dispatch>> | undefined;
    const wrote = await withCpu(writeCpu, () =>
      slowest.time('write', `${kind}, sample ${i}`, async () => {
        result = await core.dispatcher.dispatch('commitments.record', input);
      }),
    );
    const rawMs = rawBefore ?? (await rawOne());
    if (!result) throw new Error('commitments.record answered nothing');
    if (!result.ok) throw new Error(`commitments.record (${kind}): ${result.error.message}`);
    const changes = contract['commitments.record'].changes(contract['commitments.record'].input.parse(input), result.value as never);

    const before = performance.now();
    const reads: string[] = [];
    for (const w of windows) reads.push(...(await w.readAgain(review.meetingId, changes)));
    const reread = performance.now() - before;
    writes.push(wrote);
    raws.push(rawMs);
    rereads.push(reread);
    for (const into of [cpu, mine.cpu]) {
      into.write.push(...writeCpu);
      into.raw.push(...rawCpu);
    }
    mine.write.push(wrote);
    mine.raw.push(rawMs);
    mine.reread.push(reread);
    for (const r of reads) mine.reads.add(r);

    // Cold: another meeting's whole review part and one of its commitments, as a window opening them reads them.
    const other = reviews[(i + 1) % reviews.length]!;
    const coldStart = performance.now();
    await call('meetings.commitments', { meetingId: other.meetingId });
    cold.push(performance.now() - coldStart);
    const rowStart = performance.now();
    await call('commitments.get', { commitmentId: other.open[(i * 7) % other.open.length] });
    coldRow.push(performance.now() - rowStart);
  }

  raw.drop();
  // The disk's floor in this minute, with no checkpoint of the app's beside it (a scratch file of its own).
  const alone = rawCommit(path.dirname(core.opened.file), 400);
  const rows: BenchRow[] = [
    pairedRow('commitment outcome (7 kinds rotated), in the service', writes, raws, 2, alone, cpu),
    ...slowest.rows(),
    ratioRow('what console + projector read again after it', rereads, null, { maxMs: 3 }),
  ];
  for (const [kind, s] of byKind) {
    rows.push(pairedRow(`  ${kind}: the write`, s.write, s.raw, 2, alone, s.cpu));
    rows.push(ratioRow(`  ${kind}: read again (${[...s.reads].join(', ') || 'nothing'})`, s.reread, null, { maxMs: 3 }));
  }
  rows.push(ratioRow('cold: a live meeting\u2019s whole commitments part (review list), one window', cold, null));
  rows.push(ratioRow('cold: one commitment of a review, one window', coldRow, null));
  return rows;
}

/**
 * What the console and the projector read again after each facilitator write, on the ten-year database: the
 * answers main pushes with the change event (read once, in main), then, in each of the two windows, the meeting
 * parts whose scopes the change reaches and the rows it reached of a part that keeps its rows one by one, exactly as
 * the renderer's cache decides from the contract (src/renderer/src/api/query-cache.ts).
 *
 * How the inputs rotate, as a team's use would: every team holds a live meeting; each sample acts on the next
 * team's. A proposal takes a go-round (one position per member, then each member in turn changes theirs once) and
 * up to one objection per member raised and resolved; then the meeting's next proposal comes up. A meeting that has
 * taken MEETING_PROPOSALS proposals is done, and the team's next meeting (a week later) takes the following ones;
 * the earlier one is left live rather than ended, because ending makes a verified backup of the whole file, which
 * is the backup's figure, not this one. So no decision gathers more positions than a room gives, and no meeting
 * more proposals than a long one holds; the writes themselves are not timed here (bench-facilitator times them).
 * The cost of a meeting larger than that is measured on its own, on a marathon meeting built for it.
 */
import { contract, type OperationName } from '@shared/contract';
import { anyOverlap, type Push, type Scope } from '@shared/events';
import { rowsToRead, type Rows } from '@shared/operations/define';
import type { CadenceCore } from '../core/cadence-core';
import type { OpTiming } from '../core/dispatcher';
import { caller, startMeeting, type Call } from './bench-facilitator';
import { ratioRow, samples, type BenchRow } from './bench-kit';

const PARTS = ['meetings.live', 'meetings.decisions', 'meetings.commitments', 'meetings.context', 'meetings.feedback'] as const;
type Part = (typeof PARTS)[number];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
/** A long meeting's proposals: past this many, the team's next meeting takes them. */
const MEETING_PROPOSALS = 6;
const TARGET = { maxMs: 3 };

type Meeting = Awaited<ReturnType<typeof startMeeting>>;

/** The answers the two windows hold for their meetings, kept as the renderer's cache keeps them. */
class Windows {
  private readonly held = new Map<string, unknown>();
  /** Per read name, the time of each read the windows (or main, for a push) made. */
  readonly costs = new Map<string, number[]>();

  constructor(readonly core: CadenceCore) {}

  async open(meetingId: string): Promise<void> {
    for (const part of PARTS) this.held.set(key(part, meetingId), await this.read(part, { meetingId }));
  }

  private async read(name: string, input: Record<string, unknown>): Promise<unknown> {
    const start = performance.now();
    const result = await this.core.dispatcher.dispatch(name, input);
    this.cost(name, performance.now() - start);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }

  private cost(name: string, ms: number): void {
    const list = this.costs.get(name) ?? [];
    list.push(ms);
    this.costs.set(name, list);
  }

  /**
   * What the two windows read after a change of `meetingId` that published `changes` with `pushes`: the pushed
   * answers replace theirs; each part the change reaches is read again, and each row it reached of the others.
   * Answers the names of what was read (a push counted once, in main, where it was read).
   */
  async after(meetingId: string, changes: Scope[], pushes: Push[], pushMs: number): Promise<string[]> {
    const pushed = new Set<string>();
    for (const push of pushes) {
      if (push.input.meetingId !== meetingId) continue;
      this.held.set(key(push.read, meetingId), push.value);
      pushed.add(push.read);
    }
    if (pushed.size > 0) this.cost('pushed with the event', pushMs);
    const dependsOn = (part: Part) =>
      (contract[part].dependsOn as (i: unknown, o: unknown) => Scope[])({ meetingId }, this.held.get(key(part, meetingId)) ?? null);
    const stale = PARTS.filter((part) => !pushed.has(part) && anyOverlap(changes, dependsOn(part)));
    const rowReads = PARTS.filter((part) => !pushed.has(part) && !stale.includes(part)).flatMap((part) => {
      const rows = contract[part].rows as Rows<unknown> | undefined;
      if (!rows) return [];
      return rowsToRead(rows, this.held.get(key(part, meetingId)), changes, { meetingId }).map((input) => ({ part, rows, input }));
    });
    for (let window = 0; window < 2; window++) {
      for (const part of stale) this.held.set(key(part, meetingId), await this.read(part, { meetingId }));
      // One row held by two parts is read once per change, as the renderer does.
      const once = new Map<string, unknown>();
      for (const { part, rows, input } of rowReads) {
        const rowKey = `${rows.read} ${JSON.stringify(input)}`;
        if (!once.has(rowKey)) once.set(rowKey, await this.read(rows.read, input));
        const patched = rows.put(this.held.get(key(part, meetingId)), once.get(rowKey), { meetingId });
        // A row only the whole part can place has the whole part read again.
        this.held.set(key(part, meetingId), patched ?? (await this.read(part, { meetingId })));
      }
    }
    const names = [...[...pushed].map((p) => `${short(p)} pushed`), ...stale.map((p) => `${short(p)} x2`)];
    const rowNames = [...new Set(rowReads.map((r) => `${r.rows.read} x2 (rows of ${short(r.part)})`))];
    return [...names, ...rowNames];
  }
}

const key = (read: string, meetingId: string) => `${read} ${meetingId}`;
const short = (read: string) => read.replace('meetings.', '');

/**
 * Runs a write as the app does with windows open (main reads what it pushes with the change event), then what the
 * windows read after it; answers the write's answer, the re-read's time (the pushes' included) and what was read.
 */
async function perform(
  windows: Windows,
  meetingId: string,
  name: OperationName,
  raw: unknown,
): Promise<{ value: unknown; ms: number; reads: string[] }> {
  const input = contract[name].input.parse(raw);
  let pushes: Push[] = [];
  const stop = windows.core.feed.subscribe((event) => (pushes = event.pushes ?? []));
  const timing = {} as OpTiming;
  const result = await windows.core.dispatcher.dispatch(name, input, timing).finally(stop);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  const changes = (contract[name].changes as (i: unknown, o: unknown) => Scope[])(input, result.value);
  const start = performance.now();
  const reads = await windows.after(meetingId, changes, pushes, timing.pushMs);
  return { value: result.value, ms: performance.now() - start + timing.pushMs, reads };
}

/** The meeting a team holds now, and where its current proposal's go-round stands. */
interface Slot {
  teamId: string;
  meeting: Meeting;
  held: number;
  proposals: number;
  positions: number;
  objections: number;
}

export async function benchReread(core: CadenceCore, advance: (ms: number) => void): Promise<BenchRow[]> {
  const call = caller(core);
  const windows = new Windows(core);
  const teamIds = (core.services.teams.list() as { id: string }[]).map((t) => t.id);
  const dateOf = (held: number) => new Date(Date.parse('2026-12-14T00:00:00Z') + held * 7 * 86_400_000).toISOString().slice(0, 10);
  const open = async (teamId: string, held: number): Promise<Slot> => {
    const meeting = await startMeeting(core, call, teamId, dateOf(held));
    await windows.open(meeting.meetingId);
    return { teamId, meeting, held, proposals: 2, positions: 0, objections: 0 };
  };
  const slots: Slot[] = [];
  for (const teamId of teamIds) slots.push(await open(teamId, 0));
  const slotOf = (i: number) => slots[i % slots.length]!;
  const round = (i: number) => Math.floor(i / slots.length);
  /** The meeting's next proposal; past a long meeting's share, in the team's next meeting. */
  const nextProposal = async (slot: Slot) => {
    if (slot.proposals >= MEETING_PROPOSALS) Object.assign(slot, await open(slot.teamId, slot.held + 1));
    else {
      // Through the windows, which read the meeting's decisions again as they would (not timed).
      const proposed = await perform(windows, slot.meeting.meetingId, 'decisions.propose', proposeInput(slot.meeting));
      slot.meeting.proposalId = (proposed.value as { id: string }).id;
      slot.proposals++;
    }
    slot.positions = 0;
    slot.objections = 0;
  };

  // Each write, with inputs that rotate over the teams' meetings; `prepare` runs unmeasured before it and answers its input.
  const writes: { label: string; name: (i: number) => OperationName; input: (i: number) => Promise<unknown> }[] = [
    {
      label: 'note save',
      name: () => 'live.setNotes',
      input: async (i) => ({
        meetingId: slotOf(i).meeting.meetingId,
        itemId: slotOf(i).meeting.itemIds[3],
        notes: `Discussed option ${i}.`,
      }),
    },
    {
      label: 'turn (come back later)',
      name: () => 'live.turn',
      input: async (i) => ({ meetingId: slotOf(i).meeting.meetingId, action: 'later' }),
    },
    {
      label: 'next / previous item',
      name: (i) => (round(i) % 2 ? 'live.previous' : 'live.next'),
      input: async (i) => ({ meetingId: slotOf(i).meeting.meetingId }),
    },
    {
      label: 'pause / resume',
      name: (i) => (round(i) % 2 ? 'live.resume' : 'live.pause'),
      input: async (i) => ({ meetingId: slotOf(i).meeting.meetingId }),
    },
    {
      label: 'position in the go-round',
      name: () => 'decisions.position',
      input: async (i) => {
        const slot = slotOf(i);
        // Each member takes a position, then each changes it once: then the room moves on to the next proposal.
        if (slot.positions >= 2 * slot.meeting.memberIds.length) await nextProposal(slot);
        const m = slot.meeting;
        const memberId = m.memberIds[slot.positions++ % m.memberIds.length];
        return { decisionId: m.proposalId, memberId, stance: ['agree', 'consent', 'stand_aside'][i % 3] };
      },
    },
    {
      label: 'objection resolved',
      name: () => 'decisions.resolveObjection',
      input: async (i) => {
        const slot = slotOf(i);
        if (slot.objections >= slot.meeting.memberIds.length) await nextProposal(slot);
        const m = slot.meeting;
        const memberId = m.memberIds[slot.objections++ % m.memberIds.length];
        // The block, and what the windows read after it, before the resolution measured.
        const raised = await perform(windows, m.meetingId, 'decisions.position', {
          decisionId: m.proposalId,
          memberId,
          stance: 'block',
          reason: `Concern number ${i}`,
        });
        return { objectionId: (raised.value as { objectionId: string }).objectionId, resolution: 'withdrawn' };
      },
    },
    {
      label: 'commitment outcome',
      name: () => 'commitments.record',
      input: async (i) => {
        const m = slotOf(i).meeting;
        const id = m.openCommitmentIds[round(i) % m.openCommitmentIds.length];
        return i % 2
          ? { commitmentId: id, meetingId: m.meetingId, outcome: 'on_track' }
          : { commitmentId: id, meetingId: m.meetingId, outcome: 'at_risk', reason: 'Waiting on the vendor' };
      },
    },
    {
      label: 'check-out rating',
      name: () => 'feedback.give',
      input: async (i) => {
        const m = slotOf(i).meeting;
        return { meetingId: m.meetingId, attendeeId: m.attendeeIds[round(i) % m.attendeeIds.length], rating: 1 + (i % 10) };
      },
    },
  ];

  const rows: BenchRow[] = [];
  const all: number[] = [];
  for (const write of writes) {
    const mine: number[] = [];
    const reads = new Set<string>();
    for (let i = 0; i < SAMPLES; i++) {
      advance(1000);
      const input = await write.input(i);
      const done = await perform(windows, slotOf(i).meeting.meetingId, write.name(i), input);
      done.reads.forEach((r) => reads.add(r));
      mine.push(done.ms);
    }
    all.push(...mine);
    rows.push(ratioRow(`  after: ${write.label} (${[...reads].join(', ') || 'nothing'})`, mine, null, TARGET));
  }
  rows.unshift(
    ratioRow(`what console + projector read again after a write (${SAMPLES} of each, every team's meeting in turn)`, all, null, TARGET),
  );
  for (const [read, values] of [...windows.costs].sort(([a], [b]) => a.localeCompare(b)))
    rows.push(ratioRow(`    one read of ${read} (${values.length})`, values, null));
  rows.push(...(await marathon(core, call, teamIds[0]!, advance)));
  return rows;
}

/**
 * A meeting larger than a team holds in a week: 30 proposals, each with a go-round of every member and two
 * objections (one resolved). What the windows read after a position there, and after a new proposal there, so a
 * large meeting's cost is shown rather than hidden by the rotation above.
 */
async function marathon(core: CadenceCore, call: Call, teamId: string, advance: (ms: number) => void): Promise<BenchRow[]> {
  const windows = new Windows(core);
  const m = await startMeeting(core, call, teamId, '2027-06-07');
  const proposals: string[] = [m.proposalId, m.objectedId];
  while (proposals.length < 30) proposals.push(await m.propose());
  for (const [n, decisionId] of proposals.entries()) {
    for (const [k, memberId] of m.memberIds.entries()) {
      advance(1000);
      const stance = k < 2 ? 'block' : ['agree', 'consent', 'stand_aside'][(n + k) % 3];
      const raised = (await call('decisions.position', { decisionId, memberId, stance, reason: k < 2 ? `Concern ${n}.${k}` : null })) as {
        objectionId?: string;
      };
      if (k === 0 && raised.objectionId)
        await call('decisions.resolveObjection', { objectionId: raised.objectionId, resolution: 'withdrawn' });
    }
  }
  await windows.open(m.meetingId);
  const reads = new Map<OperationName, Set<string>>();
  const after = async (name: OperationName, input: unknown) => {
    advance(1000);
    const done = await perform(windows, m.meetingId, name, input);
    done.reads.forEach((r) => reads.set(name, (reads.get(name) ?? new Set()).add(r)));
    return done.ms;
  };
  const readsOf = (name: OperationName) => [...(reads.get(name) ?? [])].join(', ');
  // The figure is what `after` answers (the windows' reads, as in the rotation above), not the time of the whole
  // call, which would count the write itself too.
  const positions: number[] = [];
  for (let i = 0; i < 200; i++)
    positions.push(
      await after('decisions.position', {
        decisionId: proposals[i % proposals.length],
        memberId: m.memberIds[2 + (i % (m.memberIds.length - 2))],
        stance: ['agree', 'consent', 'stand_aside'][i % 3],
      }),
    );
  // A new proposal in a meeting of 30 proposals, then 31, ... 69: read alone and put in the part each window holds.
  const proposed: number[] = [];
  for (let i = 0; i < 40; i++) proposed.push(await after('decisions.propose', proposeInput(m)));
  const opened = await samples(20, () => new Windows(core).open(m.meetingId));
  return [
    ratioRow(
      `marathon meeting (30 proposals x ${m.memberIds.length} positions, 2 objections each): after a position (${readsOf('decisions.position')})`,
      positions,
      null,
      TARGET,
    ),
    ratioRow(`marathon meeting: after a new proposal (${readsOf('decisions.propose')})`, proposed, null, TARGET),
    ratioRow('marathon meeting: all five parts read by a window opening it', opened, null),
  ];
}

function proposeInput(m: Meeting) {
  const common = { decision: 'We try it for a month.', rationale: 'Less waiting.', ownerId: m.memberIds[0] };
  return { meetingId: m.meetingId, agendaItemId: m.itemIds[2], title: 'Another option', ...common };
}

/**
 * A meeting's commitment review: its order (main builds the list with it), and how one commitment read again after
 * an outcome is put in place in a held list (the renderer's cache does, instead of reading the whole list again).
 */
import type { Commitment } from './commitments';
import type { Scope } from './events';
import type { MeetingCommitments } from './planning';

/** The date it was due when the meeting began: a renegotiation made in the meeting does not reshuffle the walk. */
export function dueBefore(c: Commitment, meetingId: string): string {
  return c.events.filter((e) => e.kind === 'renegotiated' && e.meetingId !== meetingId).at(-1)?.newDueDate ?? c.originalDueDate;
}

/** 0 when due by the meeting's day (walked first), 1 otherwise. */
export function dueGroup(c: Commitment, meetingId: string, reviewDate: string): 0 | 1 {
  return dueBefore(c, meetingId) <= reviewDate ? 0 : 1;
}

/** Within one owner's commitments of one due group: by due date, then id. */
export function byDueDate(a: Commitment, b: Commitment): number {
  return a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
}

const closed = (c: Commitment) => c.status === 'done' || c.status === 'dropped';

/** Inserts `c` into a list kept sorted by `compare`. */
function insertSorted(list: Commitment[], c: Commitment, compare: (a: Commitment, b: Commitment) => number): Commitment[] {
  const at = list.findIndex((x) => compare(c, x) < 0);
  return at < 0 ? [...list, c] : [...list.slice(0, at), c, ...list.slice(at)];
}

const byCreated = (a: Commitment, b: Commitment) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
const byOriginalDue = (a: Commitment, b: Commitment) => a.originalDueDate.localeCompare(b.originalDueDate) || a.id.localeCompare(b.id);

/**
 * Commitments a change made in this meeting that its part does not hold yet (a slip's corrective commitment, made
 * here): the inputs to read them with. A change elsewhere reaches the part through the rows it holds.
 */
export function addedCommitments(part: MeetingCommitments, changes: readonly Scope[], meetingId: string): { commitmentId: string }[] {
  const here = changes.filter((s) => s.topic === 'commitments' && s.id !== undefined && s.meetingId === meetingId);
  // Every change event asks this of the held part: a live action (no commitment in it) must not list a ten-year
  // team's hundreds of open commitments to find nothing.
  if (here.length === 0) return [];
  const held = new Set([...part.made, ...part.review, ...part.doneSinceLast].map((c) => c.id));
  return here.filter((s) => !held.has(s.id!)).map((s) => ({ commitmentId: s.id! }));
}

/**
 * The part with `row` (a commitment as now read) put in place, or null when the change may have moved commitments
 * in or out of the lists in ways only reading the part again shows: an outcome recorded in another meeting or
 * between meetings that closed it, moved its date or made a corrective commitment.
 */
export function putCommitment(part: MeetingCommitments, row: Commitment, meetingId: string): MeetingCommitments | null {
  const at = part.review.findIndex((c) => c.id === row.id);
  if (at < 0) {
    // Not held: a commitment just made in this meeting (a slip's corrective one) joins what was made here.
    return row.meetingId === meetingId && !closed(row) ? { ...part, made: insertSorted(part.made, row, byCreated) } : null;
  }
  const was = part.review[at]!;
  const last = row.events.at(-1);
  const sameShape =
    closed(was) === closed(row) && was.dueDate === row.dueDate && was.ownerId === row.ownerId && !last?.correctiveCommitmentId;
  if (sameShape) return { ...part, review: part.review.map((c) => (c.id === row.id ? row : c)) };
  if (last?.meetingId !== meetingId || was.ownerId !== row.ownerId) return null;
  // Recorded here: closed here it stays in the walk where it was; a new date moves it among the same owner's
  // commitments of its due group (due-before ignores this meeting's renegotiations, so the group is unchanged).
  const group = dueGroup(row, meetingId, part.reviewDate);
  const sameBlock = (c: Commitment) => c.ownerId === row.ownerId && dueGroup(c, meetingId, part.reviewDate) === group;
  const rest = part.review.filter((c) => c.id !== row.id);
  const first = rest.findIndex(sameBlock);
  const block = rest.filter(sameBlock);
  const start = first < 0 ? Math.min(at, rest.length) : first;
  const review = [...rest.slice(0, start), ...insertSorted(block, row, byDueDate), ...rest.slice(start + block.length)];
  // Done here, now: after the previous meeting ended (the meeting is live), so recognition lists it.
  const doneNow = row.status === 'done' && was.status !== 'done' && part.doneSince !== null;
  const doneSinceLast = doneNow ? insertSorted(part.doneSinceLast, row, byOriginalDue) : part.doneSinceLast;
  return { ...part, review, doneSinceLast };
}

/** This meeting recorded an outcome of `c` (anything but its making). */
export function recordedIn(c: Commitment, meetingId: string): boolean {
  return c.events.some((e) => e.meetingId === meetingId && e.kind !== 'created');
}

/** The commitment whose outcome this meeting recorded last; ids (UUIDv7) break ties within a millisecond. */
export function lastRecorded(review: Commitment[], meetingId: string): Commitment | null {
  let best: { c: Commitment; at: number; id: string } | null = null;
  for (const c of review) {
    for (const e of c.events) {
      if (e.meetingId !== meetingId || e.kind === 'created') continue;
      if (!best || e.at > best.at || (e.at === best.at && e.id > best.id)) best = { c, at: e.at, id: e.id };
    }
  }
  return best?.c ?? null;
}

/**
 * Up next in the review, one rule for the console's walk and the projector: the first commitment without an outcome
 * after the one `after` (the one recorded last), then back to one passed over with ↓ before it; the first without
 * one while none is recorded. -1 once every one has an outcome. (The projector used to name the first without an
 * outcome, the console the next after the one just recorded: a commitment passed over split them.)
 */
export function reviewUpNext(review: Commitment[], recorded: (c: Commitment) => boolean, after: string | null): number {
  const from = after === null ? -1 : review.findIndex((c) => c.id === after);
  const later = review.findIndex((c, j) => j > from && !recorded(c));
  return later >= 0 ? later : review.findIndex((c, j) => j < from && !recorded(c));
}

/** Up next in a meeting's review as its data says: after the commitment recorded last. */
export function reviewUpNextIn(review: Commitment[], meetingId: string): number {
  return reviewUpNext(review, (c) => recordedIn(c, meetingId), lastRecorded(review, meetingId)?.id ?? null);
}

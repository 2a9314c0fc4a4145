/**
 * A meeting's decisions part kept one decision at a time: a change to a decision it holds re-reads that decision,
 * and a proposal just made in the meeting is read alone and put after the meeting's own, rather than every decision
 * of the meeting read again (thirty proposals with their go-rounds, in a long meeting).
 */
import type { Decision } from './decisions';
import type { Scope } from './events';

/**
 * Decisions a change made in this meeting that its part does not hold yet (a new proposal): the inputs to read them
 * with. A change to a decision the part holds reaches it through its rows.
 */
export function addedDecisions(
  part: Decision[],
  changes: readonly Scope[],
  meetingId: string,
): { meetingId: string; decisionId: string }[] {
  const here = changes.filter((s) => s.topic === 'decisions' && s.id !== undefined && s.meetingId === meetingId);
  // Every change event asks this of every held part: a live action (no decision in it) must not list the part.
  if (here.length === 0) return [];
  const held = new Set(part.map((d) => d.id));
  return here.filter((s) => !held.has(s.id!)).map((s) => ({ meetingId, decisionId: s.id! }));
}

/**
 * The part with `row` (one decision as the meeting now shows it, or null) put in place, or null when only the
 * whole part read again can place it. A held decision is replaced where it stands. One not held is placed only
 * when it is the newest of an open meeting's own: the part lists those first, oldest first, then the proposals
 * it took over; anything else (a decision gone from the record, a tie in time) reads the part again.
 */
export function putDecision(part: Decision[], row: Decision | null, meetingId: string): Decision[] | null {
  if (!row) return null;
  const at = part.findIndex((d) => d.id === row.id);
  if (at !== -1) return part.map((d, i) => (i === at ? row : d));
  if (row.meetingId !== meetingId || row.meetingEnded) return null;
  const firstCarried = part.findIndex((d) => d.meetingId !== meetingId);
  const end = firstCarried === -1 ? part.length : firstCarried;
  if (part.slice(end).some((d) => d.meetingId === meetingId)) return null;
  const newest = part[end - 1];
  if (newest && newest.createdAt >= row.createdAt) return null;
  return [...part.slice(0, end), row, ...part.slice(end)];
}

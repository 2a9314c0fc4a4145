/**
 * A meeting's time in words, one way wherever it is shown (the agenda head, the meetings list): a plan against the
 * meeting's length, or, once the meeting is held, the time it took. The list said "55 of 45 min planned" for a held
 * meeting (its plan, with an item not reached) while its own page said it ended a minute early.
 */

/** Whole minutes a held meeting took, or null while it has not been held. */
export function heldMinutes(m: { status: string; startedAt: number | null; endedAt: number | null }): number | null {
  return m.status === 'ended' && m.startedAt !== null && m.endedAt !== null ? Math.round((m.endedAt - m.startedAt) / 60_000) : null;
}

/** A plan against the meeting's length: minutes over, or to spare. */
export const planWords = (over: number) => (over > 0 ? `${over} min over` : `${-over} min to spare`);

/** A meeting held against its length: how it ended. */
export function heldWords(over: number): string {
  if (over > 0) return `ran ${over} min over`;
  return over < 0 ? `ended ${-over} min early` : 'ended on time';
}

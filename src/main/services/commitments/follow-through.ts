import type { Commitment, FollowThroughFigures, RootCause } from '@shared/commitments';
import { toZoned } from '../planning/zoned-time';

/**
 * Follow-through over commitments whose original due date fell in a period. A commitment counts
 * once its original date has passed, or once it is done: one due today and not yet done is not
 * late yet. "On time" compares the day it was marked done, in the team's zone, with the original
 * date; a renegotiation is "in advance" when it came on or before the date it replaced.
 */
export function followThroughFigures(commitments: Commitment[], today: string, timeZone: string): FollowThroughFigures {
  const counted = commitments.filter((c) => c.originalDueDate < today || c.status === 'done');
  let doneOnTime = 0;
  let renegotiatedInAdvance = 0;
  let renegotiatedLate = 0;
  let slipped = 0;
  let dropped = 0;
  const causes = new Map<RootCause, number>();
  for (const c of counted) {
    const done = c.events.find((e) => e.kind === 'done');
    if (done && toZoned(done.at, timeZone).date <= c.originalDueDate) doneOnTime++;
    const renegotiations = c.events.filter((e) => e.kind === 'renegotiated');
    if (renegotiations.some((e) => e.inAdvance === true)) renegotiatedInAdvance++;
    if (renegotiations.some((e) => e.inAdvance === false)) renegotiatedLate++;
    const slips = c.events.filter((e) => e.kind === 'slipped');
    if (slips.length > 0) slipped++;
    for (const s of slips) if (s.rootCause) causes.set(s.rootCause, (causes.get(s.rootCause) ?? 0) + 1);
    if (c.status === 'dropped') dropped++;
  }
  const due = counted.length;
  const share = (n: number) => (due === 0 ? null : n / due);
  return {
    due,
    doneOnTime,
    renegotiatedInAdvance,
    renegotiatedLate,
    slipped,
    dropped,
    slipCauses: [...causes].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
    doneOnTimeShare: share(doneOnTime),
    renegotiatedInAdvanceShare: share(renegotiatedInAdvance),
  };
}

import { describe, expect, it } from 'vitest';
import { slipsWords, type Commitment, type CommitmentEvent, type RootCause } from '../../src/shared/commitments';
import { followThroughFigures } from '../../src/main/services/commitments/follow-through';
import { dayFromToday } from '../support/days';

const slip = (rootCause: RootCause, at: number): CommitmentEvent => ({
  id: `e-${rootCause}`,
  kind: 'slipped',
  status: null,
  at,
  meetingId: null,
  oldDueDate: null,
  newDueDate: null,
  reason: 'It slipped',
  rootCause,
  correctiveAction: 'Try again',
  correctiveCommitmentId: null,
  newOwnerName: null,
  inAdvance: null,
});

/** An open commitment first due `daysAgo` days before today, with these events. */
const commitment = (id: string, daysAgo: number, events: CommitmentEvent[]): Commitment =>
  ({ id, originalDueDate: dayFromToday(-daysAgo), dueDate: dayFromToday(-daysAgo), status: 'open', events }) as unknown as Commitment;

describe('the follow-through’s slips and causes', () => {
  it('name a commitment that slipped twice as one commitment and two slips, so the count and the causes agree', () => {
    const twice = commitment('c1', 14, [slip('missing_resource', Date.now() - 7 * 86_400_000), slip('wrong_assumption', Date.now())]);
    const f = followThroughFigures([twice], dayFromToday(0), 'Europe/Berlin');
    // Before: "1: a missing resource ×1, a wrong assumption ×1" (one slip with two causes).
    expect(slipsWords(f)).toBe('1 commitment, 2 slips: a missing resource ×1, a wrong assumption ×1');
  });

  it('read as before when each commitment slipped once, and 0 when none did', () => {
    const once = commitment('c1', 14, [slip('missing_resource', Date.now())]);
    const other = commitment('c2', 10, [slip('missing_resource', Date.now())]);
    expect(slipsWords(followThroughFigures([once, other], dayFromToday(0), 'Europe/Berlin'))).toBe('2: a missing resource ×2');
    expect(slipsWords(followThroughFigures([commitment('c3', 3, [])], dayFromToday(0), 'Europe/Berlin'))).toBe('0');
  });
});

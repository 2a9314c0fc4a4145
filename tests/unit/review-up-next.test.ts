import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../src/shared/commitments';
import { reviewUpNextIn } from '../../src/shared/commitment-review';

const M = 'meeting';
/** A commitment of the review with outcomes recorded in this meeting at the given instants. */
const c = (id: string, ...at: number[]): Commitment =>
  ({
    id,
    events: [
      { id: `${id}-0`, kind: 'created', at: 0, meetingId: null },
      ...at.map((t) => ({ id: `${id}-${t}`, kind: 'status', status: 'on_track', at: t, meetingId: M })),
    ],
  }) as unknown as Commitment;

describe('up next in the commitment review (the console’s walk and the projector)', () => {
  it('is the first without an outcome while none is recorded', () => {
    expect(reviewUpNextIn([c('a'), c('b'), c('c')], M)).toBe(0);
  });
  it('is the next without an outcome after the one recorded last, not one passed over before it', () => {
    expect(reviewUpNextIn([c('a'), c('b', 5), c('c'), c('d')], M)).toBe(2);
    expect(reviewUpNextIn([c('a'), c('b', 5), c('c', 9), c('d')], M)).toBe(3);
  });
  it('comes back to one passed over once every later one has an outcome, and is -1 when all have', () => {
    expect(reviewUpNextIn([c('a'), c('b', 5), c('c', 9)], M)).toBe(0);
    expect(reviewUpNextIn([c('a', 1), c('b', 5), c('c', 9)], M)).toBe(-1);
  });
  it('follows the outcome recorded last in time, wherever it is in the list', () => {
    expect(reviewUpNextIn([c('a', 12), c('b'), c('c', 9), c('d')], M)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { suggestGiveBack, suggestRebalance } from '../../src/shared/rebalance';

const items = [
  { id: 'a', title: 'Commitments', kind: 'commitment_review', plannedMin: 10, allowedMin: 10 },
  { id: 'b', title: 'Proposal', kind: 'proposal', plannedMin: 10, allowedMin: 10 },
  { id: 'c', title: 'Recognition', kind: 'recognition', plannedMin: 3, allowedMin: 3 },
  { id: 'd', title: 'Check-out', kind: 'check_out', plannedMin: 2, allowedMin: 2 },
];

describe('rebalancing a meeting that runs behind', () => {
  it('suggests nothing when the meeting is on time', () => {
    expect(suggestRebalance(items, 0)).toBeNull();
    expect(suggestRebalance(items, -3)).toBeNull();
  });

  it('shortens what is left in proportion, exactly by what is needed, never touching the check-out', () => {
    const r = suggestRebalance(items, 4)!;
    expect(r.allow).toEqual([
      { id: 'a', title: 'Commitments', fromMin: 10, toMin: 8 },
      { id: 'b', title: 'Proposal', fromMin: 10, toMin: 8 },
    ]);
    expect(r.minutes).toBe(4);
    const odd = suggestRebalance(items, 5)!;
    expect(odd.allow.reduce((s, x) => s + x.fromMin - x.toMin, 0)).toBe(5);
    expect(odd.allow.every((x) => x.toMin >= 1)).toBe(true);
  });

  it('rounds a partial minute up', () => {
    expect(suggestRebalance(items, 0.4)!.minutes).toBe(1);
  });

  it('cuts whole items from the end when shortening cannot free enough', () => {
    const r = suggestRebalance(items, 22)!;
    expect(r.allow).toEqual([]);
    expect(r.cut.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    const smaller = suggestRebalance(items.slice(1), 12)!;
    expect(smaller.cut.map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('shortens what a rebalance already shortened from the time it is allowed now', () => {
    const r = suggestRebalance([{ ...items[0]!, allowedMin: 6 }], 2)!;
    expect(r.allow).toEqual([{ id: 'a', title: 'Commitments', fromMin: 6, toMin: 4 }]);
  });
});

describe('giving time back when the meeting runs ahead', () => {
  const shortened = [{ ...items[0]!, allowedMin: 7 }, { ...items[1]!, allowedMin: 8 }, items[2]!];

  it('returns what was taken, in agenda order, up to how far ahead the meeting runs', () => {
    expect(suggestGiveBack(shortened, 4)).toEqual({
      direction: 'give-back',
      allow: [
        { id: 'a', title: 'Commitments', fromMin: 7, toMin: 10 },
        { id: 'b', title: 'Proposal', fromMin: 8, toMin: 9 },
      ],
      cut: [],
      minutes: 4,
    });
    expect(suggestGiveBack(shortened, 30)!.minutes).toBe(5);
  });

  it('offers nothing when nothing was taken or the meeting is not a whole minute ahead', () => {
    expect(suggestGiveBack(items, 10)).toBeNull();
    expect(suggestGiveBack(shortened, 0.6)).toBeNull();
  });
});

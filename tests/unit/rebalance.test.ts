import { describe, expect, it } from 'vitest';
import { suggestRebalance } from '../../src/shared/rebalance';

const items = [
  { id: 'a', title: 'Commitments', kind: 'commitment_review', plannedMin: 10 },
  { id: 'b', title: 'Proposal', kind: 'proposal', plannedMin: 10 },
  { id: 'c', title: 'Recognition', kind: 'recognition', plannedMin: 3 },
  { id: 'd', title: 'Check-out', kind: 'check_out', plannedMin: 2 },
];

describe('rebalancing a meeting that runs behind', () => {
  it('suggests nothing when the meeting is on time', () => {
    expect(suggestRebalance(items, 0)).toBeNull();
    expect(suggestRebalance(items, -3)).toBeNull();
  });

  it('shortens what is left in proportion, exactly by what is needed, never touching the check-out', () => {
    const r = suggestRebalance(items, 4)!;
    expect(r.shorten).toEqual([
      { id: 'a', title: 'Commitments', fromMin: 10, toMin: 8 },
      { id: 'b', title: 'Proposal', fromMin: 10, toMin: 8 },
    ]);
    expect(r.savedMin).toBe(4);
    const odd = suggestRebalance(items, 5)!;
    expect(odd.shorten.reduce((s, x) => s + x.fromMin - x.toMin, 0)).toBe(5);
    expect(odd.shorten.every((x) => x.toMin >= 1)).toBe(true);
  });

  it('rounds a partial minute up', () => {
    expect(suggestRebalance(items, 0.4)!.savedMin).toBe(1);
  });

  it('cuts whole items from the end when shortening cannot free enough', () => {
    const r = suggestRebalance(items, 22)!;
    expect(r.shorten).toEqual([]);
    expect(r.cut.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    const smaller = suggestRebalance(items.slice(1), 12)!;
    expect(smaller.cut.map((c) => c.id)).toEqual(['b', 'c']);
  });
});

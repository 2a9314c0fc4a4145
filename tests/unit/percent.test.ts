import { expect, it } from 'vitest';
import { wholePercents } from '../../src/shared/percent';

it('gives whole percentages that add up to 100, each within a point of its exact share', () => {
  // Rounded one by one these read 34 + 34 + 33 = 101 (walk19's speaking time).
  expect(wholePercents([345, 345, 310])).toEqual([35, 34, 31]);
  expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
  expect(wholePercents([0, 0])).toEqual([0, 0]);
  expect(wholePercents([])).toEqual([]);
  for (let seed = 1; seed < 200; seed++) {
    const values = Array.from({ length: 1 + (seed % 9) }, (_, i) => ((seed * 7919 + i * 104729) % 1000) + (i % 3 === 0 ? 0 : 1));
    const got = wholePercents(values);
    const total = values.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    expect(
      got.reduce((a, b) => a + b, 0),
      String(values),
    ).toBe(100);
    got.forEach((p, i) => expect(Math.abs(p - (values[i]! / total) * 100)).toBeLessThan(1));
  }
});

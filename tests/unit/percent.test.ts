import { expect, it } from 'vitest';
import { wholePercents } from '../../src/shared/percent';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

it('gives whole percentages that add up to 100, each within a point of its exact share', () => {
  // Rounded one by one these read 34 + 34 + 33 = 101 (walk19's speaking time).
  expect(wholePercents([346, 345, 309])).toEqual([35, 34, 31]);
  expect(wholePercents([0, 0])).toEqual([0, 0]);
  expect(wholePercents([])).toEqual([]);
  for (let seed = 1; seed < 200; seed++) {
    const values = Array.from({ length: 1 + (seed % 9) }, (_, i) => ((seed * 7919 + i * 104729) % 1000) + (i % 3 === 0 ? 0 : 1));
    const got = wholePercents(values);
    const total = sum(values);
    if (total === 0) continue;
    // Distinct figures: the sum is 100 (the ones here have no two remainders alike).
    if (new Set(values).size === values.length) expect(sum(got), String(values)).toBe(100);
    expect(sum(got), String(values)).toBeLessThanOrEqual(100);
    got.forEach((p, i) => expect(Math.abs(p - (values[i]! / total) * 100)).toBeLessThan(1));
  }
});

it('reads the same share for the same speaking time (once 14% and 13%), and never more for a shorter one', () => {
  // Two of seven people spoke as long (14.5% each): both get the point left over, or neither.
  const ms = [90_000, 90_000, 100_000, 100_000, 80_000, 80_000, 80_000];
  const shares = wholePercents(ms);
  expect(shares[0]).toBe(shares[1]);
  expect(shares[4]).toBe(shares[5]);
  expect(shares[5]).toBe(shares[6]);
  // Three even shares: 33 each, as near 100 as equal shares can come.
  expect(wholePercents([1, 1, 1])).toEqual([33, 33, 33]);
  expect(wholePercents([60_000, 60_000])).toEqual([50, 50]);
  // 34.5 + 34.5 + 31: one point left and two to share it, so neither gets it (it read 35 and 34).
  expect(wholePercents([345, 345, 310])).toEqual([34, 34, 31]);
  // Two left over and a tie of two with the largest remainder: both get one, so the sum is still 100.
  expect(wholePercents([347, 347, 306])).toEqual([35, 35, 30]);
  for (let seed = 1; seed < 300; seed++) {
    // Figures drawn from a few, so that ties are common.
    const values = Array.from({ length: 2 + (seed % 8) }, (_, i) => 30_000 * (1 + ((seed * 31 + i * 17) % 4)));
    const got = wholePercents(values);
    const total = sum(values);
    expect(sum(got), String(values)).toBeLessThanOrEqual(100);
    expect(sum(got), String(values)).toBeGreaterThan(100 - values.length);
    values.forEach((v, i) =>
      values.forEach((w, j) => {
        if (v === w) expect(got[i], `${values}: ${i} and ${j}`).toBe(got[j]);
        if (v < w) expect(got[i], `${values}: ${i} and ${j}`).toBeLessThanOrEqual(got[j]!);
      }),
    );
    got.forEach((p, i) => expect(Math.abs(p - (values[i]! / total) * 100)).toBeLessThan(1));
  }
});

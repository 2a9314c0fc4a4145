/**
 * Whole percentages of a total that add up to 100 as nearly as equal figures allow (largest remainder): rounded one by
 * one, three even shares read 33 + 33 + 33 and others 34 + 34 + 33 … or 101 (walk19 saw speaking-time shares add up
 * to 101%). Entries whose remainders tie (always so for equal figures) all get a point left over, or none: two people
 * who spoke as long read the same share (once 14% and 13%), so three even shares read 33 + 33 + 33 = 99. Points go to
 * the largest remainders first and stop at the first tie that has too few left for all of it: handing them on to a
 * smaller remainder would show a shorter time a larger share (20.6 → 20 beside 20.4 → 21). All zeros: all 0.
 */
export function wholePercents(values: readonly number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return values.map(() => 0);
  // In hundredths of the total, so that equal remainders compare equal (whole figures, such as ms, are exact).
  const whole = values.map((v) => Math.floor((v * 100) / total));
  const remainders = values.map((v, i) => v * 100 - whole[i]! * total);
  let left = 100 - whole.reduce((sum, v) => sum + v, 0);
  const tiers = [...new Set(remainders.filter((r) => r > 0))].sort((a, b) => b - a);
  for (const remainder of tiers) {
    const tied = remainders.flatMap((r, i) => (r === remainder ? [i] : []));
    if (tied.length > left) break;
    for (const i of tied) whole[i]!++;
    left -= tied.length;
  }
  return whole;
}

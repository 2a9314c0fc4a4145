/**
 * Whole percentages of a total that add up to 100 (largest remainder): rounded one by one, three even shares read
 * 33 + 33 + 33 and others 34 + 34 + 33 … or 101 (walk19 saw speaking-time shares add up to 101%). All zeros: all 0.
 */
export function wholePercents(values: readonly number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / total) * 100);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((sum, v) => sum + v, 0);
  // The largest remainders get the points left; ties go to the earlier entry, so the same figures read the same.
  const order = exact.map((v, i) => [v - whole[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    whole[i]!++;
    left--;
  }
  return whole;
}

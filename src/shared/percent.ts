/**
 * Whole percentages of a total that add up to 100 as nearly as equal figures allow (largest remainder): rounded one by
 * one, shares read 33 + 33 + 33 = 99 or 34 + 34 + 33 = 101 (walk19 saw speaking-time shares add up to 101%). Equal
 * figures all get a point left over, or none: two people who spoke as long read the same share (once 14% and 13%), so
 * three even shares read 33 + 33 + 33 = 99, the only sum short of 100. Points go to the largest remainders first, and
 * of equal remainders to the larger figure (140, 110 and 50 of 300 all leave two thirds: 47 + 37 + 16, not
 * 46 + 36 + 16 = 98); they stop at the first set of equal figures that has too few left for all of it: handing them on
 * to a smaller remainder would show a shorter time a larger share (20.6 → 20 beside 20.4 → 21). All zeros: all 0.
 */
export function wholePercents(values: readonly number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return values.map(() => 0);
  // In hundredths of the total, so that equal remainders compare equal (whole figures, such as ms, are exact).
  const whole = values.map((v) => Math.floor((v * 100) / total));
  const remainders = values.map((v, i) => v * 100 - whole[i]! * total);
  let left = 100 - whole.reduce((sum, v) => sum + v, 0);
  // Equal figures have equal remainders: each distinct figure once, by remainder and then by size.
  const figures = [...new Set(values.filter((_, i) => remainders[i]! > 0))].sort(
    (a, b) => remainders[values.indexOf(b)]! - remainders[values.indexOf(a)]! || b - a,
  );
  for (const figure of figures) {
    const equal = values.flatMap((v, i) => (v === figure ? [i] : []));
    if (equal.length > left) break;
    for (const i of equal) whole[i]!++;
    left -= equal.length;
  }
  return whole;
}
